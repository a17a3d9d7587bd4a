package io.helpdeskverify.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customers and end users through the admin API (CSV import), each user with an enrolled app
 * (one-time enrolment token, then the device's own enrolment call), so every verification the
 * bench starts has a distinct, realistic user.
 */
final class Seeder {

    /** A user the bench can verify: the FCM token tells its push apart, the secret answers it. */
    record BenchUser(String customer, String username, String fcmToken, String deviceSecret) {}

    /** Hands out users so that none gets more than {@code usesPerUser} challenges in the run. */
    /** Every seeded user has had its share of verifications (the push-bombing guard allows 3 per 10 min). */
    static final class OutOfUsers extends IllegalStateException {
        OutOfUsers(int uses) {
            super("out of users after " + uses + " verifications: raise --users-per-customer or --customers");
        }
    }

    static final class Pool {
        private final List<BenchUser> users;
        private final int usesPerUser;
        private final AtomicInteger next = new AtomicInteger();

        Pool(List<BenchUser> users, int usesPerUser) {
            this.users = users;
            this.usesPerUser = usesPerUser;
        }

        BenchUser next() {
            int slot = next.getAndIncrement();
            if (slot >= users.size() * usesPerUser) {
                throw new OutOfUsers(users.size() * usesPerUser);
            }
            return users.get(slot % users.size());
        }

        int used() {
            return next.get();
        }
    }

    static List<BenchUser> seed(BotClient bot, String run, int customers, int usersPerCustomer, int threads)
            throws Exception {
        var users = Collections.synchronizedList(new ArrayList<BenchUser>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var pending = new ArrayList<Future<?>>();
            for (int c = 0; c < customers; c++) {
                String slug = String.format("%s-c%02d", run, c);
                bot.admin("POST", "/api/v1/customers", "application/json", """
                        {"slug":"%s","name":"Bench Customer %02d","emailDomains":["%s.example"]}"""
                        .formatted(slug, c, slug), 201);
                var csv = new StringBuilder("username,display_name,email,mobile\n");
                for (int u = 0; u < usersPerCustomer; u++) {
                    String name = String.format("user%04d", u);
                    csv.append(name).append(",Bench User ").append(u).append(' ').append(c).append(',')
                            .append(name).append('@').append(slug).append(".example,+12025550188\n");
                }
                var report = bot.admin("POST", "/api/v1/customers/" + slug + "/end-users/import", "text/csv",
                        csv.toString(), 200);
                if (report.path("created").asInt() != usersPerCustomer) {
                    throw new IllegalStateException("CSV import of " + slug + ": " + report);
                }
                for (int u = 0; u < usersPerCustomer; u++) {
                    String name = String.format("user%04d", u);
                    pending.add(pool.submit(() -> {
                        var token = bot.admin("POST", "/api/v1/customers/" + slug + "/end-users/" + name + "/enrolments",
                                "application/json", "{}", 201).get("enrolmentToken").asText();
                        String fcm = "fcm-" + slug + "-" + name;
                        var device = bot.enrolDevice(token, fcm);
                        users.add(new BenchUser(slug, name, fcm, device.get("deviceSecret").asText()));
                        return null;
                    }));
                }
            }
            for (var f : pending) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        var sorted = new ArrayList<>(users);
        // Interleave customers so consecutive verifications spread over the directory.
        sorted.sort((a, b) -> a.username().equals(b.username()) ? a.customer().compareTo(b.customer())
                : a.username().compareTo(b.username()));
        return sorted;
    }
}
