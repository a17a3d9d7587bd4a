package io.helpdeskverify.verification;

import java.time.Duration;
import java.time.Instant;

/** The push-bombing guard: sliding-window limits per end user and per technician, checked and spent atomically. */
public interface ChallengeBudget {

    Verdict tryAcquire(String customer, String endUser, Technician technician, Limits limits, Instant now);

    record Limits(int perUser, int perTechnician, Duration window) {}

    enum Verdict {
        ALLOWED,
        USER_LIMIT,
        TECHNICIAN_LIMIT
    }
}
