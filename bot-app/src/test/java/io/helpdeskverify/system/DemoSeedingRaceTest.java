package io.helpdeskverify.system;

import io.helpdeskverify.directory.store.DirectoryKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.support.HelpdeskTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 20: two instances started together on an empty Redis both found no {@code acme}, both
 * created it, and the loser exited with "The slug 'acme' is already taken". Two seedings (the
 * demo-data runner of two instances) race here on one real Redis, many rounds, each from a Redis
 * without the customer: both must finish, and one {@code acme} with its users must be there.
 *
 * <p>Its own context: it removes the demo customer between rounds.
 */
@HelpdeskTest
@TestPropertySource(properties = "helpdesk.test.isolated-context=demo-seeding-race")
class DemoSeedingRaceTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    DirectoryRepository repository;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Clock clock;

    @Test
    void twoSeedingsRacingOnOneRedisBothSucceed() throws Exception {
        var first = new DemoData(directory, repository, clock);
        var second = new DemoData(directory, repository, clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                redis.opsForHash().delete(DirectoryKeys.CUSTOMERS, DemoData.CUSTOMER);
                redis.opsForHash().delete(DirectoryKeys.DOMAINS, "acme.example");
                assertThat(repository.customer(DemoData.CUSTOMER)).isEmpty();
                var barrier = new CyclicBarrier(2);
                List<Future<?>> runs = new ArrayList<>();
                for (var seeding : List.of(first, second)) {
                    runs.add(pool.submit(() -> {
                        barrier.await();
                        seeding.run(null);
                        return null;
                    }));
                }
                for (var run : runs) {
                    run.get(); // throws the seeding's failure, if any
                }
                assertThat(repository.customer(DemoData.CUSTOMER)).isPresent();
                assertThat(repository.endUser(DemoData.CUSTOMER, "alice")).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
