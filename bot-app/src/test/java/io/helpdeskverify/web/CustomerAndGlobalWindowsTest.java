package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Beside the per-user and per-technician windows: one per customer and one for the whole service,
 * against SMS cost and SMS bombing spread over many users. All are taken in one Lua call.
 */
class CustomerAndGlobalWindowsTest {

    static String customer(Api api, String policy) {
        String slug = Fixtures.unique("win");
        var r = api.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"Windowed %s\",\"policy\":%s}"
                .formatted(slug, slug, policy));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return slug;
    }

    static String user(Api api, String customer) {
        String u = Fixtures.unique("u");
        assertThat(api.post("/api/v1/customers/" + customer + "/end-users",
                "{\"username\":\"%s\",\"mobile\":\"+12025550177\"}".formatted(u)).status()).isEqualTo(201);
        return u;
    }

    /** Started by the API technician {@code tech} (a TECHNICIAN token of that name). */
    static Api.Response start(Api api, String customer, String user, String tech) {
        return api.technician(tech).post("/api/v1/verifications", """
                {"customer":"%s","user":"%s"}""".formatted(customer, user));
    }

    @Nested
    @HelpdeskTest
    class PerCustomer {

        @LocalServerPort
        int port;

        @Test
        void aCustomersUsersTogetherGetNoMoreThanItsLimitEvenWhenRacing() throws Exception {
            var api = new Api(port);
            String c = customer(api, "{\"maxChallengesPerCustomer\":4}");
            assertThat(api.get("/api/v1/customers/" + c).json().get("effectivePolicy").get("maxChallengesPerCustomer")
                    .asInt()).isEqualTo(4);
            var pool = Executors.newFixedThreadPool(10);
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 10; i++) {
                String u = user(api, c);
                String tech = "T" + i;
                calls.add(() -> start(api, c, u, tech).status());
            }
            var statuses = new ArrayList<Integer>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(4);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(6);

            var refused = start(api, c, user(api, c), "T99");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("reason").asText()).isEqualTo("RATE_LIMITED");
            assertThat(refused.json().get("detail").asText()).contains("Windowed " + c + "'s users have received 4 "
                    + "challenges in the last 10 minutes, the customer's limit");
            var events = api.get("/api/v1/events?customer=" + c + "&type=RATE_LIMITED").json();
            assertThat(events).hasSize(7).allSatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("customer limit"));
            // Another customer is not affected.
            String other = customer(api, "{\"maxChallengesPerCustomer\":4}");
            assertThat(start(api, other, user(api, other), "T99").status()).isEqualTo(201);
        }

        @Test
        void aRefusedStartTakesNoSlotOfAnyWindow() {
            var api = new Api(port);
            String c = customer(api, "{\"maxChallengesPerUser\":3,\"maxChallengesPerCustomer\":4}");
            String first = user(api, c);
            String second = user(api, c);
            for (int i = 0; i < 3; i++) {
                assertThat(start(api, c, first, "A").status()).isEqualTo(201);
            }
            assertThat(start(api, c, second, "B").status()).isEqualTo(201);
            // The customer's window is full: these two must not spend the second user's or B's slots.
            assertThat(start(api, c, second, "B").json().get("detail").asText()).contains("the customer's limit");
            assertThat(start(api, c, second, "B").status()).isEqualTo(429);

            assertThat(api.patch("/api/v1/customers/" + c, "{\"policy\":{\"maxChallengesPerUser\":3,"
                    + "\"maxChallengesPerCustomer\":100}}").status()).isEqualTo(200);
            assertThat(start(api, c, second, "B").status()).isEqualTo(201);
            assertThat(start(api, c, second, "B").status()).isEqualTo(201);
            var userFull = start(api, c, second, "B");
            assertThat(userFull.status()).isEqualTo(429);
            assertThat(userFull.json().get("detail").asText()).contains("already received 3 challenges");
        }

        @Test
        void theCustomerLimitIsCheckedLikeTheOthers() {
            var api = new Api(port);
            String slug = Fixtures.unique("win");
            var r = api.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"W\",\"policy\":{\"maxChallengesPerCustomer\":0}}"
                    .formatted(slug));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().get("detail").asText()).contains("policy.maxChallengesPerCustomer must be between 1 and 100000");
        }
    }

    @Nested
    @HelpdeskTest
    @TestPropertySource(properties = "helpdesk.verification.max-challenges-global=5")
    class Global {

        @LocalServerPort
        int port;

        @Test
        void theWholeServiceSendsNoMoreThanTheGlobalLimitAcrossCustomers() {
            var api = new Api(port);
            for (int i = 0; i < 5; i++) {
                String c = customer(api, "{}");
                assertThat(start(api, c, user(api, c), "G" + i).status()).isEqualTo(201);
            }
            String c = customer(api, "{\"maxChallengesPerCustomer\":1000}");
            var refused = start(api, c, user(api, c), "G9");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("60");
            assertThat(refused.json().get("detail").asText()).contains("The service has sent 5 challenges in the last "
                    + "10 minutes, its overall limit");
            var events = api.get("/api/v1/events?customer=" + c + "&type=RATE_LIMITED").json();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("reason").asText()).isEqualTo("global limit");
        }
    }
}
