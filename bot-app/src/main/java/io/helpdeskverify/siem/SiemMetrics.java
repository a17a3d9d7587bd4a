package io.helpdeskverify.siem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code helpdesk.siem.delivered}, {@code .failed} (attempts) and {@code .dropped} (events given up
 * after the retry window), and {@code helpdesk.siem.lag} (seconds the oldest unsent event has waited),
 * each tagged with the destination id.
 */
class SiemMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    SiemMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(String destination) {
        counter("helpdesk.siem.delivered", destination).increment();
    }

    void failed(String destination) {
        counter("helpdesk.siem.failed", destination).increment();
    }

    void dropped(String destination) {
        counter("helpdesk.siem.dropped", destination).increment();
    }

    void lag(String destination, Duration lag) {
        lags.computeIfAbsent(destination, d -> {
            var value = new AtomicLong();
            Gauge.builder("helpdesk.siem.lag", value, AtomicLong::get).baseUnit("seconds").tag("destination", d)
                    .description("How long the oldest event not yet delivered to this destination has waited")
                    .register(registry);
            return value;
        }).set(Math.max(0, lag.toSeconds()));
    }

    private Counter counter(String name, String destination) {
        return Counter.builder(name).tag("destination", destination).register(registry);
    }
}
