package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.ChannelAvailability;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configured sender of each channel; a channel without one is never offered. */
@Component
public class Senders implements ChannelAvailability {

    private final Map<Channel, ChallengeSender> byChannel = new EnumMap<>(Channel.class);

    public Senders(List<ChallengeSender> senders) {
        for (ChallengeSender s : senders) {
            if (byChannel.putIfAbsent(s.channel(), s) != null) {
                throw new IllegalStateException("two senders for " + s.channel());
            }
        }
    }

    public Optional<ChallengeSender> forChannel(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    @Override
    public Set<Channel> available() {
        return Set.copyOf(byChannel.keySet());
    }
}
