package io.helpdeskverify.verification;

import java.util.Set;

/** The channels this installation has a working sender for. */
@FunctionalInterface
public interface ChannelAvailability {
    Set<Channel> available();
}
