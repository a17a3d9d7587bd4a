package io.helpdeskverify.directory.ldap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Active Directory syncs run (the connection itself is per customer, in the admin API).
 *
 * @param syncInterval how often each connected customer gets an incremental sync
 * @param fullSyncInterval how often a full pass runs instead, the one that finds deleted accounts
 * @param schedulerTick how often an instance looks for customers due
 * @param lockLease how long a sync lock outlives an instance that died; renewed while the sync runs
 * @param pageSize entries per page of the paged-results control (AD's MaxPageSize is 1000)
 * @param connectTimeout per domain controller, before the next one in the list is tried
 * @param responseTimeout per request (one page, one bind)
 */
@ConfigurationProperties("helpdesk.ldap")
public record LdapProperties(
        @DefaultValue("30m") Duration syncInterval,
        @DefaultValue("24h") Duration fullSyncInterval,
        @DefaultValue("1m") Duration schedulerTick,
        @DefaultValue("2m") Duration lockLease,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration responseTimeout) {

    public LdapProperties {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("helpdesk.ldap.page-size must be between 1 and 10000 (AD allows 1000)");
        }
        if (syncInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("HELPDESK_LDAP_SYNC_INTERVAL must be at least 1m");
        }
        if (fullSyncInterval.compareTo(syncInterval) < 0) {
            throw new IllegalArgumentException("HELPDESK_LDAP_FULL_SYNC_INTERVAL must be at least HELPDESK_LDAP_SYNC_INTERVAL");
        }
    }
}
