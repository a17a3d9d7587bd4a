package io.helpdeskverify.shared.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * The fixed shards that keep Redis Cluster-safe keys together: {@value #COUNT} hash tags
 * {@code {hv0}} … {@code {hv15}}. A customer's shard is CRC32(customer) mod {@value #COUNT};
 * verification, challenge and device ids (and device secrets) are drawn so that their own shard is
 * their customer's ({@link #same}), so a key derived from the id alone lands in the customer's hash
 * slot and every script that touches a customer's keys stays in one slot. Global structures (the due
 * sets, the event stream) are split into the {@value #COUNT} shards, which every instance scans.
 * The number is part of the key layout: changing it moves every key.
 */
public final class KeyShards {

    public static final int COUNT = 16;
    private static final List<Integer> ALL = IntStream.range(0, COUNT).boxed().toList();

    private KeyShards() {}

    /** The shard of a customer slug, an id or a secret's hash. */
    public static int of(String value) {
        var crc = new CRC32();
        crc.update(value.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % COUNT);
    }

    /** Whether {@code id} lives in {@code customer}'s shard (always true for ids drawn with it). */
    public static boolean same(String id, String customer) {
        return of(id) == of(customer);
    }

    /** {@code hv:{hv<n>}:} — the prefix of every key of shard {@code n}. */
    public static String prefix(int shard) {
        if (shard < 0 || shard >= COUNT) {
            throw new IllegalArgumentException("no shard " + shard);
        }
        return "hv:{hv" + shard + "}:";
    }

    /** The prefix of the shard {@code value} (a customer, an id) belongs to. */
    public static String prefixOf(String value) {
        return prefix(of(value));
    }

    public static List<Integer> all() {
        return ALL;
    }
}
