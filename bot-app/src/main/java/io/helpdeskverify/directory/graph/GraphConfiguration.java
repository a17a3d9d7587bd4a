package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.BackgroundSyncs;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.Secrets;
import io.helpdeskverify.shared.StoredJson;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the Microsoft 365 import. Without GRAPH_CLIENT_ID it stays idle and says so when asked. */
@Configuration(proxyBeanMethods = false)
class GraphConfiguration {

    @Bean
    GraphUsers graphUsers(GraphProperties props) {
        return new GraphUsers(new GraphClients(props, new TenantCredentials(props)), props);
    }

    @Bean
    SyncStateStore syncStateStore(StringRedisTemplate redis, StoredJson json) {
        return new SyncStateStore(redis, json);
    }

    /** Syncs are long and few: two at a time per instance, the rest wait for the next tick. */
    @Bean(destroyMethod = "shutdownNow")
    @Qualifier("directorySyncWorkers")
    ExecutorService directorySyncWorkers() {
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), named("directory-sync"));
    }

    @Bean(destroyMethod = "shutdownNow")
    @Qualifier("directorySyncLeases")
    ScheduledExecutorService directorySyncLeases() {
        return Executors.newSingleThreadScheduledExecutor(named("directory-sync-lease"));
    }

    @Bean
    GraphDirectorySync graphDirectorySync(GraphProperties props, DirectoryService directory, ExternalDirectory external,
                                          GraphUsers graph, StringRedisTemplate redis, SyncStateStore state,
                                          @Qualifier("directorySyncWorkers") ExecutorService workers,
                                          @Qualifier("directorySyncLeases") ScheduledExecutorService leases, Clock clock) {
        return new GraphDirectorySync(props, directory, external, graph, new SyncLock(redis, props.lockLease()), state,
                new BackgroundSyncs(workers, leases), clock);
    }

    @Bean
    SyncSchedule syncSchedule(GraphDirectorySync sync, DirectoryService directory, Clock clock) {
        return new SyncSchedule(sync, directory, clock);
    }

    @Bean
    ConsentFlow consentFlow(GraphProperties props, DirectoryService directory, GraphDirectorySync sync,
                            StringRedisTemplate redis, Secrets secrets, GraphUsers graph) {
        return new ConsentFlow(props, directory, sync, redis, secrets, graph);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        var n = new AtomicInteger();
        return r -> {
            var t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
