package io.helpdeskverify.directory.store;

import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.directory.LdapSources;
import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.shared.SealedStrings;
import io.helpdeskverify.shared.StoredJson;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each customer's Active Directory connection at {@code hv:ldap:{customer}:source}. The bind
 * password is sealed with AES-256-GCM under a key derived from the server key, the customer as
 * associated data (a sealed password cannot be moved to another customer); the rest is plain JSON.
 */
@Repository
class RedisLdapSources implements LdapSources {

    private final StringRedisTemplate redis;
    private final StoredJson json;
    private final SealedStrings passwords;

    RedisLdapSources(StringRedisTemplate redis, StoredJson json, ServerKeys keys, SecureRandom random) {
        this.redis = redis;
        this.json = json;
        // HMAC-SHA256(server key, "ldap-bind-password"): a key of its own.
        this.passwords = new SealedStrings(keys, "ldap-bind-password", random);
    }

    /** As stored: the password sealed. */
    record Stored(List<String> urls, String bindDn, String sealedPassword, List<String> baseDns, Optional<String> filter,
                  Optional<String> caCertificatePem, boolean allowPlainLdap, boolean startTls) {}

    @Override
    public Optional<LdapSource> find(String customer) {
        return json.read(redis.opsForValue().get(key(customer)), Stored.class).map(s -> new LdapSource(s.urls(),
                s.bindDn(), open(customer, s.sealedPassword()), s.baseDns(), s.filter(), s.caCertificatePem(),
                s.allowPlainLdap(), s.startTls()));
    }

    @Override
    public void save(String customer, LdapSource s) {
        redis.opsForValue().set(key(customer), json.write(new Stored(s.urls(), s.bindDn(), seal(customer, s.password()),
                s.baseDns(), s.filter(), s.caCertificatePem(), s.allowPlainLdap(), s.startTls())));
    }

    @Override
    public boolean delete(String customer) {
        return Boolean.TRUE.equals(redis.delete(key(customer)));
    }

    private String seal(String customer, String password) {
        return passwords.seal(customer, password);
    }

    /** A password sealed under another server key (HELPDESK_SECRET changed) opens as empty: the bind then fails in words. */
    private String open(String customer, String sealed) {
        return passwords.open(customer, sealed).orElse("");
    }

    private static String key(String customer) {
        return "hv:ldap:{" + customer + "}:source";
    }

    @Override
    public String toString() {
        return "RedisLdapSources[redacted]";
    }
}
