package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Importing a customer's users from an external directory (Microsoft 365, an on-premises Active
 * Directory) and keeping them current. This is what the admin API and the chat command
 * {@code /verify sync acme} call (through {@link EveryDirectorySync}, which runs every source the
 * customer has); the sync itself runs in the background, on one instance at a time.
 */
public interface DirectorySync {

    /** The source in words: "Microsoft 365", "Active Directory", "Directory agent". */
    String name();

    /** When this source last read the customer's whole directory (the pass that finds deleted accounts). */
    default Optional<Instant> lastFullPass(String customerSlug) {
        return Optional.empty();
    }

    /** Each source's own last report, for those the customer has. */
    default List<SourceReport> bySource(String customerSlug) {
        return last(customerSlug).map(r -> List.of(new SourceReport(name(), r, lastFullPass(customerSlug))))
                .orElse(List.of());
    }

    /** One source's last report and when it last made a full pass. */
    record SourceReport(String source, SyncReport report, Optional<Instant> lastFullPass) {}

    /** Whether this customer is connected to this source (configured or not on this server). */
    boolean connected(String customerSlug);

    /** Starts a sync now (a full import the first time, a delta sync after that). */
    SyncStart start(String customerSlug, String requestedBy);

    /** The running or last finished sync of this customer. */
    Optional<SyncReport> last(String customerSlug);

    /** Whether starting worked, and if not, what the admin should do. */
    sealed interface SyncStart permits SyncStart.Started, SyncStart.AlreadyRunning, SyncStart.Pushed,
            SyncStart.Refused {

        record Started(SyncReport report) implements SyncStart {}

        /** Another request (or instance) is syncing this customer; its report, as far as it got. */
        record AlreadyRunning(Optional<SyncReport> report) implements SyncStart {}

        /**
         * A source the bot cannot start, because it pushes on its own schedule (a directory agent):
         * its last push, and {@code message} says when the next comes.
         */
        record Pushed(Optional<SyncReport> report, String message) implements SyncStart {}

        /** Not connected or not configured: {@code message} says what to set up. */
        record Refused(String message) implements SyncStart {}
    }
}
