package io.helpdeskverify.chat.core;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may verify whom (docs/access.md).
 *
 * @param mode {@code open} (default: every technician of the installing workspace or tenant, as long as
 *     the customer has no policy) or {@code strict} (only those a customer's policy lists); HELPDESK_ACCESS_MODE
 * @param maxRefusedClicks refused button clicks per person and verification that are still recorded
 *     within {@code refusedClickWindow}; after that the clicks get a short answer and write nothing
 * @param refusedClickWindow the window of {@code maxRefusedClicks}
 * @param userGroupCache how long a Slack user group's member list is kept before asking Slack again
 */
@ConfigurationProperties("helpdesk.access")
public record AccessProperties(
        @DefaultValue("open") String mode,
        @DefaultValue("5") int maxRefusedClicks,
        @DefaultValue("10m") Duration refusedClickWindow,
        @DefaultValue("60s") Duration userGroupCache) {}
