package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@code /api/v1/webhooks}: the secret once and never again, the destination's fields back, bad
 * input as problem details naming the field, the secret sealed in Redis, and ADMIN only.
 */
@HelpdeskTest
class WebhookApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
    }

    @Test
    void aDestinationIsCreatedWithItsSecretOnceListedWithoutItAndDeleted() {
        var created = admin.post("/api/v1/webhooks",
                "{\"url\":\"https://siem.example.com/hook\",\"customer\":\"acme\",\"description\":\"Sentinel\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().at("/webhook/id").asText();
        String secret = created.json().get("secret").asText();
        assertThat(created.json().at("/webhook/url").asText()).isEqualTo("https://siem.example.com/hook");
        assertThat(created.json().at("/webhook/customer").asText()).isEqualTo("acme");
        assertThat(created.json().at("/webhook/description").asText()).isEqualTo("Sentinel");
        assertThat(created.json().at("/webhook/createdBy").asText()).isNotBlank();

        var got = admin.get("/api/v1/webhooks/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).doesNotContain(secret).doesNotContain("secret");
        var listed = admin.get("/api/v1/webhooks");
        assertThat(listed.body()).contains(id).doesNotContain(secret);
        assertThat(redisValuesOf(id)).as("the secret is sealed in Redis").noneMatch(v -> v.contains(secret));

        var all = admin.post("/api/v1/webhooks", "{\"url\":\"https://soc.example.net/in\"}");
        assertThat(all.status()).as(all.body()).isEqualTo(201);
        assertThat(all.json().at("/webhook/customer").asText()).isEqualTo("*");
        assertThat(all.json().get("secret").asText()).isNotEqualTo(secret);

        var rotated = admin.post("/api/v1/webhooks/" + id + "/secret", "");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("secret").asText()).startsWith("whsec_").isNotEqualTo(secret);

        assertThat(admin.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/webhooks/" + id + "/secret", "").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/webhooks").body()).doesNotContain(id);
        assertThat(admin.delete("/api/v1/webhooks/" + all.json().at("/webhook/id").asText()).status()).isEqualTo(204);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        for (String body : List.of("{}", "{\"url\":\"\"}", "{\"url\":\"http://siem.example.com/hook\"}",
                "{\"url\":\"ftp://siem.example.com/hook\"}", "{\"url\":\"https:///nohost\"}",
                "{\"url\":\"https://user:pw@siem.example.com/\"}", "{\"url\":\"not a url\"}",
                "{\"url\":\"https://siem.example.com/" + "x".repeat(2001) + "\"}")) {
            var r = admin.post("/api/v1/webhooks", body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("field").asText()).isEqualTo("url");
        }
        var unknown = admin.post("/api/v1/webhooks", "{\"url\":\"https://siem.example.com/\",\"customer\":\"%s\"}"
                .formatted(Fixtures.unique("nobody")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("field").asText()).isEqualTo("customer");
        var longDescription = admin.post("/api/v1/webhooks", "{\"url\":\"https://siem.example.com/\",\"description\":\"%s\"}"
                .formatted("d".repeat(201)));
        assertThat(longDescription.json().get("field").asText()).isEqualTo("description");
        var malformed = admin.post("/api/v1/webhooks", "{\"url\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/webhooks/nope").status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsMayTouchWebhooks() {
        var created = admin.post("/api/v1/webhooks", "{\"url\":\"https://siem.example.com/admin-only\"}");
        String id = created.json().at("/webhook/id").asText();
        var technician = admin.technician(Fixtures.unique("tech"));
        var auditor = admin.issue(Fixtures.unique("aud"), "[\"AUDITOR\"]", "[\"*\"]");
        var nobody = admin.as(null);
        for (Api caller : List.of(technician, auditor, nobody)) {
            int expected = caller == nobody ? 401 : 403;
            assertThat(caller.get("/api/v1/webhooks").status()).isEqualTo(expected);
            assertThat(caller.get("/api/v1/webhooks/" + id).status()).isEqualTo(expected);
            assertThat(caller.post("/api/v1/webhooks", "{\"url\":\"https://evil.example.com/\"}").status())
                    .isEqualTo(expected);
            assertThat(caller.post("/api/v1/webhooks/" + id + "/secret", "").status()).isEqualTo(expected);
            assertThat(caller.delete("/api/v1/webhooks/" + id).status()).isEqualTo(expected);
        }
        assertThat(admin.get("/api/v1/webhooks/" + id).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/webhooks").body()).doesNotContain("evil.example.com");
        assertThat(admin.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
    }

    private List<String> redisValuesOf(String id) {
        var out = new ArrayList<String>();
        Set<String> keys = redis.keys("hv:{wh:" + id + "}:*");
        for (String k : keys == null ? Set.<String>of() : keys) {
            if ("hash".equals(redis.type(k).code())) {
                redis.opsForHash().values(k).forEach(v -> out.add(v.toString()));
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }
}
