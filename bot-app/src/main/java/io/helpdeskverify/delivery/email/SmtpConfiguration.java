package io.helpdeskverify.delivery.email;

import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.ChannelSetup;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.shared.MissingSettingException;
import io.helpdeskverify.verification.Channel;
import java.util.ArrayList;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Email through Jakarta Mail (Eclipse Angus) behind Spring's JavaMailSender. Built here from our
 * own variables rather than {@code spring.mail.*}, so that a missing one is named at start-up.
 */
@Configuration(proxyBeanMethods = false)
class SmtpConfiguration {

    static final String PROVIDER = "SMTP";
    private static final String TIMEOUT_MILLIS = "10000";

    @Bean
    ChannelSetup emailSetup(SmtpProperties props, ChallengeTexts texts, HelpdeskProperties helpdesk) {
        var missing = new ArrayList<String>();
        if (props.host().isBlank()) {
            missing.add("SMTP_HOST");
        }
        if (props.from().isBlank()) {
            missing.add("SMTP_FROM");
        }
        if (!missing.isEmpty()) {
            return new ChannelSetup.Missing(Channel.EMAIL, PROVIDER, missing, missing.size() == 2 ? "is not configured"
                    : "is only partly configured");
        }
        // A typo here would silently weaken the connection: refuse to start instead.
        var security = SmtpSecurity.parse(props.security()).orElseThrow(() -> new MissingSettingException("SMTP_SECURITY",
                "it must be starttls, tls or none, not '" + props.security() + "'"));
        int port = props.port() > 0 ? props.port() : security.defaultPort();
        var mail = new JavaMailSenderImpl();
        mail.setHost(props.host().strip());
        mail.setPort(port);
        mail.setDefaultEncoding("UTF-8");
        var p = new Properties();
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (!props.username().isBlank()) {
            mail.setUsername(props.username());
            mail.setPassword(props.password());
            p.put("mail.smtp.auth", "true");
        }
        if (security == SmtpSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if (security == SmtpSecurity.TLS) {
            p.put("mail.smtp.ssl.enable", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        mail.setJavaMailProperties(p);
        var sender = new SmtpSender(mail, props.from().strip(), helpdesk.mspName(), texts);
        return new ChannelSetup.Ready(Channel.EMAIL, sender, PROVIDER + " (" + props.host().strip() + ":" + port + ", "
                + security.name().toLowerCase() + (props.username().isBlank() ? ", no login" : ", login " + props.username())
                + ")");
    }
}
