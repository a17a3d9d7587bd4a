package io.helpdeskverify.directory.graph;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MSP's one multi-tenant Entra app and how the directory sync runs. Environment variables
 * ({@code GRAPH_CLIENT_ID}, {@code GRAPH_CLIENT_SECRET}, ...) are mapped in application.yml and
 * listed in docs/directory.md.
 *
 * @param certificatePath a PEM (key + certificate) or PFX file, instead of a client secret
 * @param scope what tokens are asked for; only a national cloud needs another (e.g. {@code https://graph.microsoft.us/.default})
 * @param redirectUri where Microsoft sends the admin back after consent; empty = this server's
 *                    {@code /directory/consent/callback} as the admin's browser reached it
 * @param syncInterval how often each connected customer is delta-synced
 * @param schedulerTick how often an instance looks for customers due (or an interrupted sync to resume)
 * @param lockLease how long a sync lock outlives an instance that died; renewed while the sync runs
 * @param maxRetries retries of one Graph request on 429/503/504, each after its {@code Retry-After}
 */
@ConfigurationProperties("helpdesk.graph")
public record GraphProperties(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("") String certificatePath,
        @DefaultValue("") String certificatePassword,
        @DefaultValue("https://graph.microsoft.com/v1.0") URI apiUrl,
        @DefaultValue("https://login.microsoftonline.com") URI authorityUrl,
        @DefaultValue("https://graph.microsoft.com/.default") String scope,
        @DefaultValue("") String redirectUri,
        @DefaultValue("30m") Duration syncInterval,
        @DefaultValue("1m") Duration schedulerTick,
        @DefaultValue("2m") Duration lockLease,
        @DefaultValue("5") int maxRetries,
        @DefaultValue("999") int pageSize) {

    public GraphProperties {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("helpdesk.graph.max-retries must be between 0 and 10 (the SDK's limit)");
        }
        if (pageSize < 1 || pageSize > 999) {
            throw new IllegalArgumentException("helpdesk.graph.page-size must be between 1 and 999");
        }
        if (syncInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("HELPDESK_GRAPH_SYNC_INTERVAL must be at least 1m");
        }
    }

    /** Both the app id and one kind of client credential are set. */
    public boolean configured() {
        return !clientId.isBlank() && (!clientSecret.isBlank() || !certificatePath.isBlank());
    }

    /** The API root without a trailing slash, e.g. {@code https://graph.microsoft.com/v1.0}. */
    String apiRoot() {
        String s = apiUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    String authorityRoot() {
        String s = authorityUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
