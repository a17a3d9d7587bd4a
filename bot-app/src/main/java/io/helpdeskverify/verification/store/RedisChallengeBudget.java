package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.verification.ChallengeBudget;
import io.helpdeskverify.verification.Technician;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/** Sliding windows in sorted sets (end user, technician, customer, global), checked and spent by one script so concurrent requests cannot overspend. */
@Repository
class RedisChallengeBudget implements ChallengeBudget {

    private static final RedisScript<String> SCRIPT =
            LuaScripts.load("challenge-budget.lua", String.class);

    private final StringRedisTemplate redis;

    RedisChallengeBudget(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Verdict tryAcquire(String customer, String endUser, Technician technician, Limits limits, Instant now,
                              String slot) {
        String verdict = redis.execute(SCRIPT,
                // One script over windows of several customers and a global one: one hash tag for all.
                windows(customer, endUser, technician),
                Long.toString(now.toEpochMilli()), Long.toString(limits.window().toMillis()),
                Integer.toString(limits.perUser()), Integer.toString(limits.perTechnician()),
                Integer.toString(limits.perCustomer()), Integer.toString(limits.global()), slot);
        return Verdict.valueOf(verdict);
    }

    @Override
    public void giveBack(String customer, String endUser, Technician technician, String slot) {
        for (String window : windows(customer, endUser, technician)) {
            redis.opsForZSet().remove(window, slot);
        }
    }

    static List<String> windows(String customer, String endUser, Technician technician) {
        return List.of("hv:{budget}:user:" + customer + ":" + endUser, "hv:{budget}:tech:" + technician.key(),
                "hv:{budget}:customer:" + customer, "hv:{budget}:global");
    }
}
