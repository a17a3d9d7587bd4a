package io.helpdeskverify.siem;

import io.helpdeskverify.events.AuditEvent;
import java.util.List;

/** The stored events in log order, as every instance reads them (the global stream). */
public interface EventFeed {

    /** Up to {@code limit} events stored after {@code cursor} (exclusive), oldest first. */
    List<AuditEvent> after(String cursor, int limit);

    /** Where a new destination starts: after the newest stored event ({@code 0-0} when there is none). */
    String newestId();

    /**
     * The cursor once {@code event} (from {@link #after}) was delivered or skipped. A cursor is opaque: the log
     * is several streams (one per key shard), and a cursor holds a position in each, so that an event a
     * slower shard stores later with an older id is still sent.
     */
    String advance(String cursor, AuditEvent event);

    /** The newest event {@code cursor} is past ({@code 0-0} for none): what the admin API shows. */
    String newestPast(String cursor);
}
