package io.helpdeskverify.bench.jmh;

import io.helpdeskverify.cards.AdaptiveCardRenderer;
import io.helpdeskverify.cards.BlockKitRenderer;
import io.helpdeskverify.cards.CardAction;
import io.helpdeskverify.cards.CardPhase;
import io.helpdeskverify.cards.CodeInstruction;
import io.helpdeskverify.cards.VerificationCardView;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Card rendering as the bot does it for every post and update: the view to JSON text. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CardsBench {

    private static final Instant T0 = Instant.parse("2026-11-24T10:01:11Z");

    private final BlockKitRenderer blockKit = new BlockKitRenderer();
    private final AdaptiveCardRenderer adaptive = new AdaptiveCardRenderer();
    private final VerificationCardView waiting = new VerificationCardView("3f0c9a3e-8d1b-4c55-9f51-0a4b8f7c2d11",
            "Acme Corporation", "acme", "Jordan Doe-Smithington", "jordan.doe", List.of("+1 ••• ••• ••12", "j•••@acme.com"),
            "Push + code", "Tina Technician", "U0TECH01", T0.plusSeconds(60), CardPhase.WAITING_FOR_TECHNICIAN,
            List.of(new VerificationCardView.DeliveryLine("Push sent", T0.plusSeconds(1)),
                    new VerificationCardView.DeliveryLine("Delivered to the app", T0.plusSeconds(2))),
            "Approved ✓", false, Optional.empty(), List.of("Mobile number changed 2 days ago"),
            EnumSet.of(CardAction.APPROVE, CardAction.DENY, CardAction.CANCEL));

    @Benchmark
    public String slackChannelCard() {
        return blockKit.channelCard(waiting, T0.plusSeconds(20)).toString();
    }

    @Benchmark
    public String teamsTechnicianCard() {
        return adaptive.technicianCard(waiting, Optional.of("482913"), CodeInstruction.READ_BACK).toString();
    }

    @Benchmark
    public String teamsObserverCard() {
        return adaptive.observerCard(waiting).toString();
    }
}
