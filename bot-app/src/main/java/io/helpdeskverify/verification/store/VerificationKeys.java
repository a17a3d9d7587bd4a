package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.store.KeyShards;

/**
 * Every key of a verification, in its {@link KeyShards key shard}: a verification's id and
 * challenge id are drawn in its customer's shard, so the keys that {@code write-verification.lua}
 * touches together (the verification, its challenge index, its customer's awaiting set, the due
 * sets and the customer's event streams) share one hash tag and one Redis Cluster slot.
 */
public final class VerificationKeys {

    static final String EXPIRY = "expiry";

    private VerificationKeys() {}

    /** {@code hv:{hv<n>}:v:<id>}: {@code "<version>|<json>"}. */
    public static String verification(String id) {
        return KeyShards.prefixOf(id) + "v:" + id;
    }

    /** {@code hv:{hv<n>}:challenge:<challenge id>} → verification id (app challenges only). */
    public static String challenge(String challengeId) {
        return KeyShards.prefixOf(challengeId) + "challenge:" + challengeId;
    }

    /** {@code hv:{hv<n>}:awaiting:<customer>:<end user>}: the user's unanswered pushes (score = expiry ms). */
    public static String awaiting(String customer, String endUser) {
        return KeyShards.prefixOf(customer) + "awaiting:" + customer + ":" + endUser;
    }

    /** The expiry schedule's set that holds {@code id}. */
    public static String expiry(String id) {
        return KeyShards.prefixOf(id) + EXPIRY;
    }

    /** The unshown-outcomes set that holds {@code id}. */
    public static String unpublished(String id) {
        return KeyShards.prefixOf(id) + RedisUnpublishedOutcomes.NAME;
    }

    /** The unsent-challenges set that holds {@code id}. */
    public static String unsent(String id) {
        return KeyShards.prefixOf(id) + RedisUnsentChallenges.NAME;
    }
}
