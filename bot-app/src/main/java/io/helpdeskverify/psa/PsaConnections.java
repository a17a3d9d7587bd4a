package io.helpdeskverify.psa;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The PSA adapters by provider, and their status (test calls kept a minute: Autotask counts every request). */
@Component
public class PsaConnections {

    static final Duration STATUS_CACHE = Duration.ofMinutes(1);

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

    public PsaStatus status(PsaProvider provider, boolean fresh) {
        var a = of(provider);
        if (!a.configured()) {
            return new PsaStatus(provider, false, a.settings(), Optional.empty(), a.callsThisHour());
        }
        var cached = lastTest.get(provider);
        if (fresh || cached == null || cached.at().plus(STATUS_CACHE).isBefore(clock.instant())) {
            cached = test(a);
            lastTest.put(provider, cached);
        }
        return new PsaStatus(provider, true, a.settings(), Optional.of(cached), a.callsThisHour());
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
