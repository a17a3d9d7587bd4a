package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.Channel;
import java.util.List;

/**
 * What the configuration of one provider produced: a working sender, or the variables that are
 * missing. Each provider's configuration contributes exactly one; {@link Senders} decides.
 */
public sealed interface ChannelSetup permits ChannelSetup.Ready, ChannelSetup.Missing {

    Channel channel();

    /** @param provider what an operator reads in the log and the health endpoint, never a secret */
    record Ready(Channel channel, ChallengeSender sender, String provider) implements ChannelSetup {}

    /**
     * @param variables the environment variables to set, e.g. {@code TWILIO_AUTH_TOKEN}
     * @param problem what is wrong, e.g. "not set" or "cannot read /etc/fcm.json"
     */
    record Missing(Channel channel, String provider, List<String> variables, String problem) implements ChannelSetup {
        public Missing {
            variables = List.copyOf(variables);
        }
    }
}
