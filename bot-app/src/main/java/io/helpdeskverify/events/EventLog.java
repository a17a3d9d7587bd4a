package io.helpdeskverify.events;

import java.util.List;

/** The append-only audit log (per customer and global). */
public interface EventLog {

    /** @return the event with its stored id */
    AuditEvent append(AuditEvent event);

    /** Newest first. */
    List<AuditEvent> query(EventQuery query);
}
