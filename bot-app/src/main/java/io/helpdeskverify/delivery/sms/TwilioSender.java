package io.helpdeskverify.delivery.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.helpdeskverify.delivery.Challenge;
import io.helpdeskverify.delivery.ChallengeSender;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.SendOutcome;
import io.helpdeskverify.directory.Masking;
import io.helpdeskverify.verification.Channel;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the code by SMS through twilio-java and remembers the message SID so Twilio's status
 * callbacks reach the card. Twilio's error messages quote the number, so they are never logged or
 * shown: only the error code and its readable meaning are.
 */
class TwilioSender implements ChallengeSender {

    private static final Logger log = LoggerFactory.getLogger(TwilioSender.class);
    /** Too many requests, and Twilio's own "try again" errors. */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(20429, 20500, 20503, 30001);

    private final TwilioRestClient client;
    private final TwilioProperties props;
    private final ChallengeTexts texts;
    private final MessageSidIndex index;

    TwilioSender(TwilioRestClient client, TwilioProperties props, ChallengeTexts texts, MessageSidIndex index) {
        this.client = client;
        this.props = props;
        this.texts = texts;
        this.index = index;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(Challenge c) {
        var mobile = c.recipient().mobile();
        if (mobile.isEmpty()) {
            return new SendOutcome.Failed("no mobile number");
        }
        String body = texts.smsBody(c, Locale.ENGLISH);
        var to = new PhoneNumber(mobile.get());
        MessageCreator creator = props.messagingServiceSid().isBlank()
                ? Message.creator(to, new PhoneNumber(props.from()), body)
                : Message.creator(to, props.messagingServiceSid(), body);
        String callback = props.callbackUrl();
        if (!callback.isBlank()) {
            creator.setStatusCallback(callback);
        }
        try {
            Message message = creator.create(client);
            index.remember(message.getSid(), c.verificationId());
            log.info("Verification {}: SMS accepted by Twilio as {} ({})", c.verificationId(), message.getSid(),
                    message.getStatus());
            return new SendOutcome.Accepted("to " + Masking.phone(mobile.get()));
        } catch (ApiConnectionException e) {
            log.warn("Verification {}: Twilio unreachable ({})", c.verificationId(), e.getClass().getSimpleName());
            return new SendOutcome.RetryLater("Twilio unreachable");
        } catch (ApiException e) {
            return failure(c, e);
        } catch (TwilioException e) {
            log.error("Verification {}: Twilio call failed ({})", c.verificationId(), e.getClass().getSimpleName());
            return new SendOutcome.RetryLater("Twilio error");
        }
    }

    private SendOutcome failure(Challenge c, ApiException e) {
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        String readable = SmsErrors.describe(code);
        if ((status != null && (status == 429 || status >= 500)) || (code != null && RETRYABLE_CODES.contains(code))) {
            log.warn("Verification {}: Twilio busy (HTTP {}, code {})", c.verificationId(), status, code);
            return new SendOutcome.RetryLater("Twilio busy (" + (code != null ? code : status) + ")");
        }
        if (status != null && (status == 401 || status == 403)) {
            log.error("Verification {}: Twilio refused our credentials (HTTP {}, code {}); check TWILIO_ACCOUNT_SID and "
                    + "TWILIO_AUTH_TOKEN", c.verificationId(), status, code);
            return new SendOutcome.Failed("Twilio refused the account credentials (" + code + ")");
        }
        log.info("Verification {}: Twilio refused the SMS: {}", c.verificationId(), readable);
        return new SendOutcome.Failed(readable);
    }
}
