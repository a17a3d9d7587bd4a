package io.helpdeskverify.directory.ldap;

import io.helpdeskverify.directory.BackgroundSyncs;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.LdapCheck;
import io.helpdeskverify.directory.LdapSources;
import io.helpdeskverify.directory.LdapSyncState;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Active Directory import. It shares the directory sync workers and lease renewals with
 * the Microsoft 365 import (by bean name), so syncs of both kinds queue on the same two threads.
 */
@Configuration(proxyBeanMethods = false)
class LdapConfiguration {

    @Bean
    LdapConnections ldapConnections(LdapProperties props) {
        return new LdapConnections(props);
    }

    @Bean
    LdapCheck ldapCheck(LdapConnections connections) {
        return new LdapChecker(connections);
    }

    @Bean
    LdapDirectorySync ldapDirectorySync(LdapProperties props, DirectoryService directory, ExternalDirectory external,
                                        LdapSources sources, LdapSyncState state, LdapConnections connections,
                                        @Qualifier("directorySyncWorkers") ExecutorService workers,
                                        @Qualifier("directorySyncLeases") ScheduledExecutorService leases, Clock clock) {
        return new LdapDirectorySync(props, directory, external, sources, state, connections,
                new BackgroundSyncs(workers, leases), clock);
    }

    @Bean
    LdapSchedule ldapSchedule(LdapDirectorySync sync, DirectoryService directory, Clock clock) {
        return new LdapSchedule(sync, directory, clock);
    }
}
