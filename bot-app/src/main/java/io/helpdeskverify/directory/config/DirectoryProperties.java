package io.helpdeskverify.directory.config;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Directory settings shared by the admin surfaces. Mapped in application.yml from
 * {@code HELPDESK_ADMIN_USER_IDS} and {@code HELPDESK_CONTACT_CHANGE_WARNING_DAYS}.
 *
 * @param adminUserIds chat users allowed to run admin commands such as {@code /verify sync acme},
 *                     each as {@code platform:userId} ({@code slack:U012AB3CD}, {@code teams:29:1abc…})
 * @param contactChangeWarningDays for how long a changed mobile or email is flagged on the card
 */
@ConfigurationProperties("helpdesk.directory")
public record DirectoryProperties(
        @DefaultValue List<String> adminUserIds,
        @DefaultValue("7") int contactChangeWarningDays) {

    public DirectoryProperties {
        adminUserIds = adminUserIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (contactChangeWarningDays < 0) {
            throw new IllegalArgumentException("HELPDESK_CONTACT_CHANGE_WARNING_DAYS cannot be negative");
        }
    }

    /** Whether this chat user may run admin commands; the platform name is case-insensitive. */
    public boolean isAdmin(String platform, String userId) {
        String key = platform.strip().toLowerCase(Locale.ROOT) + ":" + userId.strip();
        return adminUserIds.stream().anyMatch(id -> {
            int colon = id.indexOf(':');
            return colon > 0 && (id.substring(0, colon).toLowerCase(Locale.ROOT) + id.substring(colon)).equals(key);
        });
    }
}
