package io.helpdeskverify.delivery.sms;

import com.twilio.http.TwilioRestClient;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.ChannelSetup;
import io.helpdeskverify.verification.Channel;
import java.util.ArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** SMS through twilio-java when the account and a sender are configured. */
@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

    static final String PROVIDER = "Twilio";

    @Bean
    MessageSidIndex messageSidIndex(StringRedisTemplate redis) {
        return new MessageSidIndex(redis);
    }

    @Bean
    StatusCallbackVerifier twilioStatusCallbackVerifier(TwilioProperties props) {
        return new StatusCallbackVerifier(props);
    }

    @Bean
    ChannelSetup smsSetup(TwilioProperties props, ChallengeTexts texts, MessageSidIndex index) {
        var missing = new ArrayList<String>();
        if (props.accountSid().isBlank()) {
            missing.add("TWILIO_ACCOUNT_SID");
        }
        if (props.authToken().isBlank()) {
            missing.add("TWILIO_AUTH_TOKEN");
        }
        if (props.from().isBlank() && props.messagingServiceSid().isBlank()) {
            missing.add("TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID");
        }
        if (!missing.isEmpty()) {
            return new ChannelSetup.Missing(Channel.SMS, PROVIDER, missing, missing.size() == 3 ? "is not configured"
                    : "is only partly configured");
        }
        var builder = new TwilioRestClient.Builder(props.accountSid(), props.authToken());
        if (!props.apiUrl().isBlank()) {
            builder.httpClient(new BaseUrlHttpClient(props.apiUrl()));
        }
        var sender = new TwilioSender(builder.build(), props, texts, index);
        String callback = props.callbackUrl();
        return new ChannelSetup.Ready(Channel.SMS, sender, PROVIDER + " (account " + props.accountSid()
                + (props.messagingServiceSid().isBlank() ? "" : ", messaging service " + props.messagingServiceSid())
                + (props.apiUrl().isBlank() ? "" : ", API " + props.apiUrl())
                + (callback.isBlank() ? "; no delivery reports: set TWILIO_STATUS_CALLBACK_URL or HELPDESK_PUBLIC_URL"
                        : "; delivery reports at " + callback) + ")");
    }
}
