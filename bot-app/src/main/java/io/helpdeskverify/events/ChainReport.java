package io.helpdeskverify.events;

import java.util.Optional;

/**
 * What a walk of one event chain found.
 *
 * @param chain      {@code global} or {@code customer:<slug>}
 * @param checked    how many chained events were checked
 * @param unchained  events stored before the chain existed (no links), skipped at the start
 * @param firstId    the first event checked, empty if none
 * @param lastId     the last event checked, empty if none
 * @param checkpoint the trim checkpoint the walk started from (the last event id cut away), empty if none
 * @param firstBreak the first event that does not match, if any
 */
public record ChainReport(String chain, long checked, long unchained, String firstId, String lastId,
                          String checkpoint, Optional<ChainBreak> firstBreak) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /**
     * The first place where the chain does not hold.
     *
     * @param id     the event where it breaks (for a removal at the very end: the last one that holds)
     * @param reason what the walk concludes
     * @param detail in words, for the auditor
     */
    public record ChainBreak(String id, Reason reason, String detail) {}

    public enum Reason {
        /** The event's fields (or links) are not the ones its hash was made over. */
        EDITED,
        /** One or more events before this one (or after it, at the end) are missing. */
        REMOVED,
        /** The event is intact but not where it was appended: events were moved. */
        REORDERED
    }
}
