package io.helpdeskverify.verification;

import java.time.Duration;
import java.time.Instant;

/**
 * The push-bombing guard: sliding-window limits per end user, per technician, per customer and for
 * the whole service, all checked and spent atomically (a start takes a slot of every window or of
 * none). The customer and global windows bound SMS cost and SMS bombing spread over many users.
 */
public interface ChallengeBudget {

    /** Spends one slot, named {@code slot}, of every window, or of none. */
    Verdict tryAcquire(String customer, String endUser, Technician technician, Limits limits, Instant now, String slot);

    /**
     * Gives back a slot whose start then stored nothing. On a Redis Cluster the windows and the
     * verification are in different slots, so one script cannot do both; a start that fails after
     * spending its slot returns it, so the budget counts only stored verifications.
     */
    void giveBack(String customer, String endUser, Technician technician, String slot);

    record Limits(int perUser, int perTechnician, int perCustomer, int global, Duration window) {}

    /** The first full window, checked from the narrowest (end user) to the widest (global). */
    enum Verdict {
        ALLOWED,
        USER_LIMIT,
        TECHNICIAN_LIMIT,
        CUSTOMER_LIMIT,
        GLOBAL_LIMIT
    }
}
