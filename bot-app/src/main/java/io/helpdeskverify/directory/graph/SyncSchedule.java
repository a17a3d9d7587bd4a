package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.DirectoryService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every instance looks for customers whose sync is due; the lock makes sure only one of them runs
 * it. A sync interrupted by a crash is picked up here once its lease has run out.
 */
class SyncSchedule {

    private static final Logger log = LoggerFactory.getLogger(SyncSchedule.class);

    private final GraphDirectorySync sync;
    private final DirectoryService directory;
    private final Clock clock;

    SyncSchedule(GraphDirectorySync sync, DirectoryService directory, Clock clock) {
        this.sync = sync;
        this.directory = directory;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${helpdesk.graph.scheduler-tick:1m}", initialDelayString = "${helpdesk.graph.scheduler-tick:1m}")
    void startDueSyncs() {
        try {
            for (var customer : directory.customers()) {
                if (customer.microsoftTenantId().isPresent() && sync.due(customer, clock.instant())) {
                    sync.start(customer.slug(), "schedule");
                }
            }
        } catch (RuntimeException e) {
            // Redis away for a moment: the next tick tries again.
            log.warn("Directory sync schedule round failed, will retry: {}", e.toString());
        }
    }
}
