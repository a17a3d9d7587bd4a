package io.helpdeskverify.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What a customer's Active Directory sync remembers between runs and across instances: the lease
 * (one instance at a time), the report, the object GUIDs a full pass has seen, and the USN cursor
 * of the controller it last read.
 */
public interface LdapSyncState {

    /** One holder's claim on one customer's sync; a holder that dies stops extending it and it runs out. */
    Optional<SyncLease> tryLease(String customer, Duration lease);

    boolean leased(String customer);

    Optional<SyncReport> report(String customer);

    void saveReport(String customer, SyncReport report);

    void markSeen(String customer, Collection<String> externalIds);

    Set<String> seen(String customer);

    void clearSeen(String customer);

    Optional<Cursor> cursor(String customer);

    void saveCursor(String customer, Cursor cursor);

    void clearAll(String customer);

    /**
     * Where the next incremental sync starts.
     *
     * @param server the controller ({@code dsServiceName}) the USN belongs to: USNs are per controller
     * @param invocationId the controller's database identity; a restored database gets a new one
     * @param highestUsn {@code highestCommittedUSN} read before the last run started
     * @param fullAt when the last full pass (the one that finds deletions) finished
     * @param scope the base DNs and filter it was read with: a changed scope needs a full pass
     */
    record Cursor(String server, String invocationId, long highestUsn, Instant fullAt, String scope) {}
}
