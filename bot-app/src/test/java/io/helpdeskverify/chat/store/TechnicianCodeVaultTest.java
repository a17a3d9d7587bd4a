package io.helpdeskverify.chat.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.RedisConnection;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import io.helpdeskverify.shared.ServerKeys;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/* A real Redis, no Spring context: this tests one store. */
@ExtendWith(RedisConnection.class)
class TechnicianCodeVaultTest {

    final TechnicianCodeVault vault;
    final StringRedisTemplate redis;

    TechnicianCodeVaultTest(StringRedisTemplate redis) {
        this.redis = redis;
        byte[] serverKey = "a test server key of at least 32 bytes".getBytes(StandardCharsets.UTF_8);
        this.vault = new TechnicianCodeVault(redis, new ServerKeys(serverKey, "test-admin-token"), new SecureRandom());
    }

    @Test
    void aSealedCodeOpensForItsVerificationOnlyAndIsNotStoredInTheClear() {
        vault.seal("v-vault-1", "482913", Duration.ofMinutes(1));

        assertThat(vault.open("v-vault-1")).contains("482913");
        String stored = redis.opsForValue().get("hv:chat:vault:v-vault-1");
        assertThat(stored).isNotNull().doesNotContain("482913");
        assertThat(redis.getExpire("hv:chat:vault:v-vault-1")).isBetween(1L, 60L);

        // Moved to another verification, the sealed value does not open (the id is authenticated data).
        redis.opsForValue().set("hv:chat:vault:v-vault-2", stored);
        assertThat(vault.open("v-vault-2")).isEmpty();

        vault.discard("v-vault-1");
        assertThat(vault.open("v-vault-1")).isEmpty();
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        vault.seal("v-vault-3", "123456", Duration.ofMinutes(1));
        String stored = redis.opsForValue().get("hv:chat:vault:v-vault-3");
        // One character inside the ciphertext (not in the base64 padding bits at the end).
        char c = stored.charAt(20);
        redis.opsForValue().set("hv:chat:vault:v-vault-3",
                stored.substring(0, 20) + (c == 'A' ? 'B' : 'A') + stored.substring(21));
        assertThat(vault.open("v-vault-3")).isEmpty();
    }
}
