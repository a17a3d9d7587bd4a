package io.helpdeskverify.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.ChannelSetup;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.shared.MissingSettingException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** SMTP settings: missing ones are named, a wrong security mode stops the start, defaults follow the mode. */
class SmtpConfigurationTest {

    private final SmtpConfiguration config = new SmtpConfiguration();
    private final ChallengeTexts texts = new ChallengeTexts(new StaticMessageSource());
    private final HelpdeskProperties helpdesk = new HelpdeskProperties("", "", Path.of("."), "MSP", 1, null, null);

    @Test
    void missingHostAndFromAreNamed() {
        var setup = config.emailSetup(new SmtpProperties("", 0, "", "", "", "starttls"), texts, helpdesk);
        assertThat(setup).isInstanceOf(ChannelSetup.Missing.class);
        assertThat(((ChannelSetup.Missing) setup).variables()).containsExactly("SMTP_HOST", "SMTP_FROM");
        var partly = config.emailSetup(new SmtpProperties("mail.example", 0, "", "", "", "starttls"), texts, helpdesk);
        assertThat(((ChannelSetup.Missing) partly).variables()).containsExactly("SMTP_FROM");
    }

    @Test
    void anUnknownSecurityModeStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> config.emailSetup(new SmtpProperties("mail.example", 0, "", "", "a@b.example", "starttlz"),
                texts, helpdesk)).isInstanceOf(MissingSettingException.class).hasMessageContaining("SMTP_SECURITY");
    }

    @Test
    void thePortFollowsTheSecurityModeAndThePasswordIsNeverShown() {
        var starttls = (ChannelSetup.Ready) config.emailSetup(
                new SmtpProperties("mail.example", 0, "bot", "hunter2", "a@b.example", "starttls"), texts, helpdesk);
        var tls = (ChannelSetup.Ready) config.emailSetup(
                new SmtpProperties("mail.example", 0, "", "", "a@b.example", "tls"), texts, helpdesk);
        assertThat(starttls.provider()).isEqualTo("SMTP (mail.example:587, starttls, login bot)").doesNotContain("hunter2");
        assertThat(tls.provider()).isEqualTo("SMTP (mail.example:465, tls, no login)");
    }
}
