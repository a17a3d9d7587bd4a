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
import io.helpdeskverify.delivery.Notice;
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
        return deliver("Verification " + c.verificationId(), mobile.get(), body,
                sid -> index.remember(sid, c.verificationId()));
    }

    /** No status callback is asked for: a notice has no card to update and nothing falls back. */
    @Override
    public SendOutcome sendNotice(Notice n) {
        var mobile = n.recipient().mobile();
        if (mobile.isEmpty()) {
            return new SendOutcome.Failed("no mobile number");
        }
        return deliver("Notice " + n.about(), mobile.get(), n.text(), null);
    }

    /**
     * @param what names the message in the log ("Verification 1a2b"), never by its number
     * @param track where the message SID goes so status callbacks reach the card; null for none
     */
    private SendOutcome deliver(String what, String mobile, String body, java.util.function.Consumer<String> track) {
        var to = new PhoneNumber(mobile);
        MessageCreator creator = props.messagingServiceSid().isBlank()
                ? Message.creator(to, new PhoneNumber(props.from()), body)
                : Message.creator(to, props.messagingServiceSid(), body);
        String callback = props.callbackUrl();
        if (track != null && !callback.isBlank()) {
            creator.setStatusCallback(callback);
        }
        try {
            Message message = creator.create(client);
            if (track != null) {
                remember(what, message.getSid(), track);
            }
            log.info("{}: SMS accepted by Twilio as {} ({})", what, message.getSid(), message.getStatus());
            return new SendOutcome.Accepted("to " + Masking.phone(mobile));
        } catch (ApiConnectionException e) {
            log.warn("{}: Twilio unreachable ({})", what, e.getClass().getSimpleName());
            return new SendOutcome.RetryLater("Twilio unreachable");
        } catch (ApiException e) {
            return failure(what, e);
        } catch (TwilioException e) {
            log.error("{}: Twilio call failed ({})", what, e.getClass().getSimpleName());
            return new SendOutcome.RetryLater("Twilio error");
        }
    }

    /*
     * Twilio has accepted the SMS, so nothing after this may turn it into a failure (the dispatcher
     * would send again or move down the ladder while the user holds the code). Without the index
     * Twilio's later status callbacks for this message cannot reach the card: it stays at "sent".
     */
    private static void remember(String what, String sid, java.util.function.Consumer<String> track) {
        try {
            track.accept(sid);
        } catch (RuntimeException e) {
            log.warn("{}: SMS {} accepted, but its status callbacks will not reach the card: the store is away ({})",
                    what, sid, e.toString());
        }
    }

    private SendOutcome failure(String what, ApiException e) {
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        String readable = SmsErrors.describe(code);
        if ((status != null && (status == 429 || status >= 500)) || (code != null && RETRYABLE_CODES.contains(code))) {
            log.warn("{}: Twilio busy (HTTP {}, code {})", what, status, code);
            return new SendOutcome.RetryLater("Twilio busy (" + (code != null ? code : status) + ")");
        }
        if (status != null && (status == 401 || status == 403)) {
            log.error("{}: Twilio refused our credentials (HTTP {}, code {}); check TWILIO_ACCOUNT_SID and "
                    + "TWILIO_AUTH_TOKEN", what, status, code);
            return new SendOutcome.Failed("Twilio refused the account credentials (" + code + ")");
        }
        log.info("{}: Twilio refused the SMS: {}", what, readable);
        return new SendOutcome.Failed(readable);
    }
}
