package io.helpdeskverify.events.store;

import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.shared.ServerKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links of the tamper-evident event chains (docs/audit.md). Every event is a link in two chains:
 * the global one and its customer's. {@code hash = base64url(HMAC-SHA256(chainKey, canonical)[0..16])},
 * where {@code canonical} is the netstrings of {@code prev} and then of each field name and value in
 * the fixed order of {@link #CANONICAL}, type as its name, time as epoch nanoseconds: the logical values,
 * not the stored codes, so that an offline check from an export needs no table of codes.
 *
 * <p>Keys: {@code root = HMAC-SHA256(serverKey, "event-chain-v1")}; the global chain uses
 * {@code HMAC-SHA256(root, "global")} and a customer's {@code HMAC-SHA256(root, "customer:" + slug)}, so the
 * key handed to one customer's auditor for offline checks can forge nothing of another's.
 */
public final class EventChain {

    /** The fields a link covers, in this order (after {@code prev}). Never reorder: stored hashes depend on it. */
    public static final List<String> CANONICAL = List.of("type", "time", "customer", "user", "technician",
            "technicianId", "platform", "channel", "method", "verificationId", "outcome", "reason");

    private final byte[] root;

    public EventChain(ServerKeys keys) {
        this.root = mac(keys.codeKey(), "event-chain-v1".getBytes(StandardCharsets.UTF_8));
    }

    /** The key of the global chain ({@code customer} empty) or of one customer's chain. */
    public byte[] key(String customer) {
        return mac(root, (customer.isEmpty() ? "global" : "customer:" + customer).getBytes(StandardCharsets.UTF_8));
    }

    /** The link of {@code e} after {@code prev} in the chain of {@code key}. */
    public static String link(byte[] key, String prev, AuditEvent e) {
        var out = new StringBuilder(256);
        netstring(out, prev);
        List<String> values = List.of(e.type().name(), Long.toString(nanos(e.time())), e.customer(), e.user(),
                e.technician(), e.technicianId(), e.platform(), e.channel(), e.method(), e.verificationId(),
                e.outcome(), e.reason());
        for (int i = 0; i < CANONICAL.size(); i++) {
            netstring(out, CANONICAL.get(i));
            netstring(out, values.get(i));
        }
        return truncated(mac(key, out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The signature of a trim checkpoint: which stream, where it was cut and the last hash before the cut. */
    public static String checkpointSignature(byte[] key, String stream, String cutId, String lastHash) {
        var out = new StringBuilder(128);
        netstring(out, "checkpoint");
        netstring(out, stream);
        netstring(out, cutId);
        netstring(out, lastHash);
        return truncated(mac(key, out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time, so that a caller cannot learn a valid link byte by byte. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /* "<byte length>:<bytes>," (D. J. Bernstein's netstrings): no value can be read as two. */
    private static void netstring(StringBuilder out, String value) {
        out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(',');
    }

    private static String truncated(byte[] mac) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "EventChain[redacted]";
    }
}
