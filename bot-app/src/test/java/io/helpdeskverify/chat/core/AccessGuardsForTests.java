package io.helpdeskverify.chat.core;

import io.helpdeskverify.access.AccessControl;
import io.helpdeskverify.events.EventLog;
import java.time.Clock;

/** Test code only: the real {@link AccessGuard}, whose constructor Spring alone calls in production. */
public final class AccessGuardsForTests {

    private AccessGuardsForTests() {}

    public static AccessGuard guard(AccessControl access, EventLog events, Clock clock) {
        return new AccessGuard(access, events, clock);
    }
}
