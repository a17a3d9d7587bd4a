package io.helpdeskverify.directory;

import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer's own security-alert rules (docs/alerts.md); every empty field falls back to the
 * service default ({@code HELPDESK_ALERTS_*}). Rules are kept by name so the directory does not
 * depend on the alerts package; the admin API accepts only names of its rules. Windows are kept in
 * whole seconds so the stored JSON does not depend on how a Duration is written.
 *
 * @param securityContact the email that hears of this customer's alerts
 * @param channel the Slack channel or Teams conversation that hears of them
 * @param disabled the rules that never fire for this customer
 */
public record AlertPolicy(
        Optional<String> securityContact,
        Optional<AlertChannel> channel,
        Optional<Long> quickDenialSeconds,
        Optional<Integer> refusals,
        Optional<Long> refusalWindowSeconds,
        Optional<Long> contactChangeWindowSeconds,
        Optional<Integer> technicians,
        Optional<Long> techniciansWindowSeconds,
        Set<String> disabled) {

    public static final AlertPolicy DEFAULTS = new AlertPolicy(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of());

    public AlertPolicy {
        // Policies stored before a field existed read back with null.
        securityContact = orEmpty(securityContact);
        channel = orEmpty(channel);
        quickDenialSeconds = orEmpty(quickDenialSeconds);
        refusals = orEmpty(refusals);
        refusalWindowSeconds = orEmpty(refusalWindowSeconds);
        contactChangeWindowSeconds = orEmpty(contactChangeWindowSeconds);
        technicians = orEmpty(technicians);
        techniciansWindowSeconds = orEmpty(techniciansWindowSeconds);
        disabled = Collections.unmodifiableSet(new TreeSet<>(disabled == null ? Set.of() : disabled));
    }

    public Optional<Duration> quickDenial() {
        return quickDenialSeconds.map(Duration::ofSeconds);
    }

    public Optional<Duration> refusalWindow() {
        return refusalWindowSeconds.map(Duration::ofSeconds);
    }

    public Optional<Duration> contactChangeWindow() {
        return contactChangeWindowSeconds.map(Duration::ofSeconds);
    }

    public Optional<Duration> techniciansWindow() {
        return techniciansWindowSeconds.map(Duration::ofSeconds);
    }

    private static <T> Optional<T> orEmpty(Optional<T> o) {
        return o == null ? Optional.empty() : o;
    }

    /**
     * Where in chat the alerts go.
     *
     * @param platform {@code slack} or {@code teams}
     * @param id the Slack channel id, or the Teams conversation id
     */
    public record AlertChannel(String platform, String id) {
        public AlertChannel {
            java.util.Objects.requireNonNull(platform, "platform");
            java.util.Objects.requireNonNull(id, "id");
        }
    }
}
