package io.helpdeskverify.system;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.CustomerPolicy;
import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.EndUser.Source;
import io.helpdeskverify.directory.Secrets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The local profile's demo customer: {@code acme} with one user per kind of reachability, so
 * every method and every rung of the fallback ladder can be tried at once. Created only when
 * {@code acme} does not exist, so edits survive a restart.
 */
@Component
@ConditionalOnProperty(name = "helpdesk.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String CUSTOMER = "acme";
    /** Fixed so the playground and the README's curl examples can answer as Alice's phone. */
    public static final String ALICE_DEVICE_ID = "demo-alice-phone";
    public static final String ALICE_DEVICE_SECRET = "demo-alice-device-secret-local-only";
    public static final String DAVE_DEVICE_ID = "demo-dave-phone";
    public static final String DAVE_DEVICE_SECRET = "demo-dave-device-secret-local-only";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DirectoryService directory;
    private final DirectoryRepository repository;
    private final Clock clock;

    public DemoData(DirectoryService directory, DirectoryRepository repository, Clock clock) {
        this.directory = directory;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.customer(CUSTOMER).isPresent()) {
            log.info("Demo data: customer '{}' already exists, left as it is", CUSTOMER);
            return;
        }
        seed();
        log.info("Demo data: customer '{}' with alice (app, mobile, email), bob (mobile), carol (email), "
                + "dave (app with notifications off, mobile)", CUSTOMER);
    }

    /** Writes the demo customer, its users and devices, replacing what is there. */
    public void seed() {
        var acme = repository.customer(CUSTOMER).orElseGet(this::createIfAbsent);
        user(acme.slug(), "alice", "Alice Anders", "alice@acme.example", "+1 202 555 0101");
        user(acme.slug(), "bob", "Bob Brown", null, "+1 202 555 0102");
        user(acme.slug(), "carol", "Carol Chen", "carol@acme.example", null);
        user(acme.slug(), "dave", "Dave Diaz", null, "+1 202 555 0104");
        device(ALICE_DEVICE_ID, ALICE_DEVICE_SECRET, "alice", "ios", true);
        device(DAVE_DEVICE_ID, DAVE_DEVICE_SECRET, "dave", "android", false);
    }

    /**
     * Two instances started together on an empty Redis both find no {@code acme} and both create it;
     * save-customer.lua lets exactly one win. For the loser "already taken" means "done": the rest
     * of the seeding (upserts by fixed keys) is the same from either instance.
     */
    private Customer createIfAbsent() {
        try {
            return directory.createCustomer(CUSTOMER, "Acme Corporation", List.of("acme.example"), "US",
                    CustomerPolicy.defaults());
        } catch (DirectoryException.Conflict e) {
            return repository.customer(CUSTOMER).orElseThrow(() -> e);
        }
    }

    private void user(String customer, String username, String name, String email, String mobile) {
        directory.upsertEndUser(directory.customer(customer), username, name, Optional.ofNullable(email),
                Optional.ofNullable(mobile), true, Source.MANUAL);
    }

    private void device(String id, String secret, String user, String platform, boolean notifications) {
        var now = clock.instant();
        repository.saveDevice(new Device(id, CUSTOMER, user, platform, "demo-fcm-token-" + user, notifications, false,
                Secrets.hash(secret), now, now));
    }
}
