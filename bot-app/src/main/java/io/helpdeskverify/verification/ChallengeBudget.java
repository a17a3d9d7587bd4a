package io.helpdeskverify.verification;

import java.time.Duration;
import java.time.Instant;

/**
 * The push-bombing guard: sliding-window limits per end user, per technician, per customer and for
 * the whole service, all checked and spent atomically (a start takes a slot of every window or of
 * none). The customer and global windows bound SMS cost and SMS bombing spread over many users.
 */
public interface ChallengeBudget {

    Verdict tryAcquire(String customer, String endUser, Technician technician, Limits limits, Instant now);

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
