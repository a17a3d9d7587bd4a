package io.helpdeskverify.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactRiskTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    final ContactRisk risk = new ContactRisk(Duration.ofDays(7));

    static EndUser changed(Optional<Instant> mobileAt, Optional<Instant> emailAt) {
        return new EndUser("acme", "jdoe", "J Doe", Optional.of("jdoe@acme.com"), Optional.of("+12025550101"), true,
                EndUser.Source.ENTRA_CLOUD, NOW, Optional.of("id-1"), Optional.of("jdoe@acme.com"), Set.of(),
                Optional.empty(), mobileAt, emailAt, Optional.empty(), java.util.List.of(), java.util.List.of());
    }

    @Test
    void aMobileChangedTwoDaysAgoIsFlagged() {
        var user = changed(Optional.of(NOW.minus(Duration.ofDays(2)).minusSeconds(60)), Optional.empty());
        assertThat(risk.warnings(user, CLOCK)).containsExactly("Mobile number changed 2 days ago");
    }

    @Test
    void bothContactsChangedAreBothFlaggedInPlainWords() {
        var user = changed(Optional.of(NOW.minusSeconds(10)), Optional.of(NOW.minus(Duration.ofHours(1))));
        assertThat(risk.warnings(user, CLOCK)).containsExactly("Mobile number changed just now", "Email address changed 1 hour ago");
        assertThat(risk.warnings(changed(Optional.of(NOW.minus(Duration.ofMinutes(5))), Optional.empty()), CLOCK))
                .containsExactly("Mobile number changed 5 minutes ago");
    }

    @Test
    void changesOlderThanTheWindowAreNotFlagged() {
        var user = changed(Optional.of(NOW.minus(Duration.ofDays(7)).minusSeconds(1)), Optional.empty());
        assertThat(risk.warnings(user, CLOCK)).isEmpty();
        assertThat(new ContactRisk(Duration.ofDays(30)).warnings(user, CLOCK)).containsExactly("Mobile number changed 7 days ago");
        assertThat(new ContactRisk(Duration.ZERO).warnings(changed(Optional.of(NOW.minusSeconds(1)), Optional.empty()), CLOCK))
                .as("0 days turns the warning off").isEmpty();
    }

    @Test
    void aUserWhoseContactsNeverChangedHasNoWarning() {
        assertThat(risk.warnings(changed(Optional.empty(), Optional.empty()), CLOCK)).isEmpty();
    }
}
