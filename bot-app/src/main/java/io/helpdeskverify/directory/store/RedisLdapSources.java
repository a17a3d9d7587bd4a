package io.helpdeskverify.directory.store;

import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.directory.LdapSources;
import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.shared.StoredJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each customer's Active Directory connection at {@code hv:ldap:{customer}:source}. The bind
 * password is sealed with AES-256-GCM under a key derived from the server key, the customer as
 * associated data (a sealed password cannot be moved to another customer); the rest is plain JSON.
 */
@Repository
class RedisLdapSources implements LdapSources {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final StringRedisTemplate redis;
    private final StoredJson json;
    private final SecretKeySpec key;
    private final SecureRandom random;

    RedisLdapSources(StringRedisTemplate redis, StoredJson json, ServerKeys keys, SecureRandom random) {
        this.redis = redis;
        this.json = json;
        this.key = new SecretKeySpec(derive(keys.codeKey()), "AES");
        this.random = random;
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
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(customer.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** A password sealed under another server key (HELPDESK_SECRET changed) opens as empty: the bind then fails in words. */
    private String open(String customer, String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(customer.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "";
        }
    }

    /** HMAC-SHA256(server key, "ldap-bind-password"): a key of its own, never the code MAC key itself. */
    private static byte[] derive(byte[] serverKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
            return mac.doFinal("ldap-bind-password".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String key(String customer) {
        return "hv:ldap:" + customer + ":source";
    }

    @Override
    public String toString() {
        return "RedisLdapSources[redacted]";
    }
}
