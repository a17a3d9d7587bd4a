package io.helpdeskverify.alerts;

import io.helpdeskverify.delivery.Senders;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.shared.HelpdeskProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the security alerts and runs the watch on every instance. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    AlertWatcher alertWatcher(EventLog events, DirectoryService directory, AlertMarks marks, Senders senders,
                              List<AlertChannels> channels, AlertsProperties props, HelpdeskProperties helpdesk,
                              Clock clock) {
        return new AlertWatcher(events, new AlertRules(events, props, directory), marks,
                new AlertNotices(senders, channels, props, helpdesk.mspName(), clock), props.noticeGrace(), clock);
    }

    @Bean
    AlertSchedule alertSchedule(AlertWatcher watcher) {
        return new AlertSchedule(watcher);
    }

    /** The poll, apart from the watcher so that tests can poll by hand without a second schedule. */
    static final class AlertSchedule {
        private final AlertWatcher watcher;

        AlertSchedule(AlertWatcher watcher) {
            this.watcher = watcher;
        }

        @Scheduled(fixedDelayString = "${helpdesk.alerts.poll-interval:5s}")
        void poll() {
            watcher.poll();
        }
    }
}
