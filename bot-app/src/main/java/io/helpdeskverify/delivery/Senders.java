package io.helpdeskverify.delivery;

import io.helpdeskverify.delivery.ChannelSetup.Missing;
import io.helpdeskverify.delivery.ChannelSetup.Ready;
import io.helpdeskverify.verification.Channel;
import io.helpdeskverify.verification.ChannelAvailability;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender of each channel. A channel whose provider is configured uses it; without one, the
 * local profile's outbox stands in; otherwise the channel has no sender and is never offered.
 * Says at start-up, per channel, which it is, naming the variable to set when one is missing.
 */
public class Senders implements ChannelAvailability {

    private static final Logger log = LoggerFactory.getLogger(Senders.class);

    private final Map<Channel, ChallengeSender> byChannel = new EnumMap<>(Channel.class);
    private final Map<Channel, String> status = new EnumMap<>(Channel.class);

    /**
     * @param setups one per provider configuration
     * @param outbox the stand-in sender for a channel, present only where the outbox is enabled
     */
    public Senders(List<ChannelSetup> setups, Optional<Function<Channel, ChallengeSender>> outbox) {
        for (Channel channel : Channel.values()) {
            var mine = setups.stream().filter(s -> s.channel() == channel).toList();
            if (mine.size() > 1) {
                throw new IllegalStateException("two configurations for " + channel);
            }
            decide(channel, mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(0)), outbox);
        }
    }

    private void decide(Channel channel, Optional<ChannelSetup> setup, Optional<Function<Channel, ChallengeSender>> outbox) {
        String name = label(channel);
        if (setup.isPresent() && setup.get() instanceof Ready ready) {
            byChannel.put(channel, ready.sender());
            status.put(channel, ready.provider());
            log.info("Delivery: {} uses {}", name, ready.provider());
            return;
        }
        String missing = setup.map(s -> describe((Missing) s)).orElse("no provider is built in");
        if (outbox.isPresent()) {
            byChannel.put(channel, outbox.get().apply(channel));
            status.put(channel, "local outbox (" + missing + ")");
            log.info("Delivery: {} goes to the local outbox because {}; nothing is sent", name, missing);
        } else {
            status.put(channel, "not offered (" + missing + ")");
            log.warn("Delivery: {} is not offered because {}", name, missing);
        }
    }

    private static String describe(Missing m) {
        return m.provider() + " " + m.problem() + (m.variables().isEmpty() ? "" : ": set " + String.join(", ", m.variables()));
    }

    public Optional<ChallengeSender> forChannel(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    @Override
    public Set<Channel> available() {
        return Set.copyOf(byChannel.keySet());
    }

    /** Per channel, which sender is used or why none is; for the health and info endpoints. Never a secret. */
    public Map<String, String> describe() {
        var out = new LinkedHashMap<String, String>();
        status.forEach((c, s) -> out.put(c.name().toLowerCase(), s));
        return out;
    }

    private static String label(Channel c) {
        return switch (c) {
            case PUSH -> "push";
            case SMS -> "SMS";
            case EMAIL -> "email";
        };
    }
}
