package io.helpdeskverify.delivery.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMTP settings; mapped from the environment in application.yml.
 *
 * @param port {@code SMTP_PORT}; 0 picks the usual port of {@code security}: 587, 465 or 25
 * @param from {@code SMTP_FROM}: the sender address; the display name is the MSP's name
 * @param security {@code SMTP_SECURITY}: {@code starttls} (required, not opportunistic),
 *     {@code tls} (implicit TLS, "SMTPS") or {@code none} (a local relay only)
 */
@ConfigurationProperties("helpdesk.smtp")
public record SmtpProperties(
        @DefaultValue("") String host,
        @DefaultValue("0") int port,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("") String from,
        @DefaultValue("starttls") String security) {

    @Override
    public String toString() {
        return "SmtpProperties[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from
                + ", security=" + security + "]";
    }
}
