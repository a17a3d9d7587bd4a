package io.helpdeskverify.directory.ldap;

import io.helpdeskverify.directory.DirectoryService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Every instance looks for customers whose Active Directory sync is due; the lease lets one run it. */
class LdapSchedule {

    private static final Logger log = LoggerFactory.getLogger(LdapSchedule.class);

    private final LdapDirectorySync sync;
    private final DirectoryService directory;
    private final Clock clock;

    LdapSchedule(LdapDirectorySync sync, DirectoryService directory, Clock clock) {
        this.sync = sync;
        this.directory = directory;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${helpdesk.ldap.scheduler-tick:1m}", initialDelayString = "${helpdesk.ldap.scheduler-tick:1m}")
    void startDueSyncs() {
        try {
            for (var customer : directory.customers()) {
                if (sync.due(customer, clock.instant())) {
                    sync.start(customer.slug(), "schedule");
                }
            }
        } catch (RuntimeException e) {
            // Redis away for a moment: the next tick tries again.
            log.warn("Active Directory sync schedule round failed, will retry: {}", e.toString());
        }
    }
}
