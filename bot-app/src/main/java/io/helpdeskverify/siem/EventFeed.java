package io.helpdeskverify.siem;

import io.helpdeskverify.events.AuditEvent;
import java.util.List;

/** The stored events in log order, as every instance reads them (the global stream). */
public interface EventFeed {

    /** Up to {@code limit} events stored after {@code cursor} (exclusive), oldest first. */
    List<AuditEvent> after(String cursor, int limit);

    /** The id of the newest stored event, or {@code 0-0} when there is none: where a new destination starts. */
    String newestId();
}
