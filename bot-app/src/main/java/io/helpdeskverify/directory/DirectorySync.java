package io.helpdeskverify.directory;

import java.util.Optional;

/**
 * Importing a customer's users from an external directory (Microsoft 365, an on-premises Active
 * Directory) and keeping them current. This is what the admin API and the chat command
 * {@code /verify sync acme} call (through {@link EveryDirectorySync}, which runs every source the
 * customer has); the sync itself runs in the background, on one instance at a time.
 */
public interface DirectorySync {

    /** Whether this customer is connected to this source (configured or not on this server). */
    boolean connected(String customerSlug);

    /** Starts a sync now (a full import the first time, a delta sync after that). */
    SyncStart start(String customerSlug, String requestedBy);

    /** The running or last finished sync of this customer. */
    Optional<SyncReport> last(String customerSlug);

    /** Whether starting worked, and if not, what the admin should do. */
    sealed interface SyncStart permits SyncStart.Started, SyncStart.AlreadyRunning, SyncStart.Refused {

        record Started(SyncReport report) implements SyncStart {}

        /** Another request (or instance) is syncing this customer; its report, as far as it got. */
        record AlreadyRunning(Optional<SyncReport> report) implements SyncStart {}

        /** Not connected or not configured: {@code message} says what to set up. */
        record Refused(String message) implements SyncStart {}
    }
}
