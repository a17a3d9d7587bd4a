package io.helpdeskverify.psa;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The PSA adapters by provider, and their status: a test call on demand, or the last one for health checks. */
@Component
public class PsaConnections {

    private final Map<PsaProvider, PsaTickets> adapters = new EnumMap<>(PsaProvider.class);
    private final Map<PsaProvider, PsaStatus.TestCall> lastTest = new ConcurrentHashMap<>();
    private final Clock clock;

    public PsaConnections(List<PsaTickets> adapters, Clock clock) {
        adapters.forEach(a -> this.adapters.put(a.provider(), a));
        this.clock = clock;
    }

    /** The adapter, configured or not: a call through an unconfigured one says which variables are missing. */
    public PsaTickets of(PsaProvider provider) {
        var a = adapters.get(provider);
        if (a == null) {
            throw new PsaException(PsaException.Kind.NOT_CONFIGURED, provider.label() + " is not available here.");
        }
        return a;
    }

    public List<PsaProvider> configured() {
        return adapters.values().stream().filter(PsaTickets::configured).map(PsaTickets::provider).sorted().toList();
    }

    /** With a test call now: what an admin asks for. */
    public PsaStatus status(PsaProvider provider) {
        var a = of(provider);
        if (!a.configured()) {
            return new PsaStatus(provider, false, a.settings(), Optional.empty(), a.callsThisHour());
        }
        var t = test(a);
        lastTest.put(provider, t);
        return new PsaStatus(provider, true, a.settings(), Optional.of(t), a.callsThisHour());
    }

    /**
     * The last test call's result, without calling: health checks must answer at once, and a PSA that
     * hangs must not hang them. Empty test call until the first {@link #refresh}.
     */
    public PsaStatus lastKnown(PsaProvider provider) {
        var a = of(provider);
        return new PsaStatus(provider, a.configured(), a.settings(),
                a.configured() ? Optional.ofNullable(lastTest.get(provider)) : Optional.empty(), a.callsThisHour());
    }

    /** A test call of each configured PSA, off the request threads; once a minute spares Autotask's hourly limit. */
    @Scheduled(initialDelayString = "5s", fixedDelayString = "60s")
    void refresh() {
        configured().forEach(this::status);
    }

    private PsaStatus.TestCall test(PsaTickets a) {
        try {
            a.testCall();
            return new PsaStatus.TestCall(true, clock.instant(), "");
        } catch (PsaException e) {
            return new PsaStatus.TestCall(false, clock.instant(), e.getMessage());
        }
    }
}
