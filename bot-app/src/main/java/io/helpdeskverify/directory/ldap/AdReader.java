package io.helpdeskverify.directory.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.helpdeskverify.directory.ExternalUser;
import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.directory.LdapSyncState.Cursor;
import io.helpdeskverify.directory.SyncReport.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of an Active Directory, for whoever keeps the cursor: the bot's own sync (cursor in
 * Redis) and the directory agent (cursor in a local file) read a controller the same way. A pass is
 * incremental by {@code uSNChanged} from the highest committed USN the controller reported at the
 * start of the previous pass, or full when there is no cursor, the controller (or its database,
 * the invocation id) changed, the base DNs or filter changed, or the full-pass interval is over.
 */
public final class AdReader {

    private static final Logger log = LoggerFactory.getLogger(AdReader.class);

    private final LdapConnections connections;
    private final AdUsers users;

    /** For the agent: connections and pages as the properties say. */
    public AdReader(LdapProperties props) {
        this(new LdapConnections(props), new AdUsers(props.pageSize()));
    }

    AdReader(LdapConnections connections, AdUsers users) {
        this.connections = connections;
        this.users = users;
    }

    /**
     * A bound connection to the first controller that answers, and what it says about itself.
     *
     * @throws LdapFailure unreachable, untrusted certificate, refused bind: in words, with the fix
     */
    public Session open(LdapSource source) {
        var bound = connections.connect(source);
        try {
            return new Session(source, bound, controller(bound.connection(), bound.name()));
        } catch (RuntimeException e) {
            bound.close();
            throw e;
        }
    }

    /** A page of users, and the entries under the filter that could not be mapped (and why). */
    public record Page(List<ExternalUser> users, List<Unreadable> unreadable) {}

    public record Unreadable(String dn, String reason) {}

    /** What the controller says about itself (rootDSE): which one it is, and how far its changes go. */
    record Controller(String server, String invocationId, Optional<Long> highestUsn) {}

    /** One bound connection: decide the mode, read, then the cursor for the next pass. */
    public final class Session implements AutoCloseable {

        private final LdapSource source;
        private final LdapConnections.Bound bound;
        private final Controller controller;
        private long highestSeen;

        private Session(LdapSource source, LdapConnections.Bound bound, Controller controller) {
            this.source = source;
            this.bound = bound;
            this.controller = controller;
        }

        /** {@code host:port} of the controller reached. */
        public String controllerName() {
            return bound.name();
        }

        /** @param who names the customer in the log */
        public Mode mode(Optional<Cursor> cursor, Duration fullInterval, Instant now, String who) {
            if (cursor.isEmpty() || controller.highestUsn().isEmpty()) {
                return Mode.FULL;
            }
            var c = cursor.get();
            if (!c.server().equals(controller.server()) || !c.invocationId().equals(controller.invocationId())) {
                log.info("Active Directory of '{}': the controller changed ({} → {}), full pass", who, c.server(),
                        controller.server());
                return Mode.FULL;
            }
            if (!c.scope().equals(scope()) || !now.isBefore(c.fullAt().plus(fullInterval))) {
                return Mode.FULL;
            }
            return Mode.DELTA;
        }

        /**
         * Every user of a full pass, or those changed since the cursor for a delta pass, a page at a time.
         *
         * @throws LdapFailure for a search the DC refuses (wrong base DN, referral, size limit, lost connection)
         */
        public void read(Mode mode, Optional<Cursor> cursor, Consumer<Page> pages) {
            Optional<Long> from = mode == Mode.DELTA ? Optional.of(cursor.orElseThrow().highestUsn() + 1) : Optional.empty();
            users.search(bound.connection(), source.baseDns(), source.effectiveFilter(), from, page -> {
                highestSeen = Math.max(highestSeen, page.highestUsn());
                pages.accept(new Page(page.users(), page.unreadable().stream()
                        .map(u -> new Unreadable(u.dn(), u.reason())).toList()));
            });
        }

        /** Where the next pass starts, once everything {@link #read} handed over is applied. */
        public Cursor next(Mode mode, Optional<Cursor> cursor, Instant now) {
            long usn = controller.highestUsn().orElse(highestSeen);
            if (mode == Mode.DELTA) {
                var c = cursor.orElseThrow();
                return new Cursor(controller.server(), controller.invocationId(), Math.max(usn, c.highestUsn()),
                        c.fullAt(), scope());
            }
            return new Cursor(controller.server(), controller.invocationId(), usn, now, scope());
        }

        private String scope() {
            return String.join("|", source.baseDns()) + "|" + source.effectiveFilter();
        }

        @Override
        public void close() {
            bound.close();
        }
    }

    private static Controller controller(LDAPConnection connection, String name) {
        try {
            Entry root = connection.getEntry("", "dsServiceName", "highestCommittedUSN");
            String service = root == null ? null : root.getAttributeValue("dsServiceName");
            Optional<Long> usn = root == null ? Optional.empty()
                    : Optional.ofNullable(root.getAttributeValueAsLong("highestCommittedUSN"));
            String invocation = "";
            if (service != null) {
                Entry ntds = connection.getEntry(service, "invocationId");
                byte[] id = ntds == null ? null : ntds.getAttributeValueBytes("invocationId");
                invocation = id == null ? "" : HexFormat.of().formatHex(id);
            }
            return new Controller(service == null ? name : service, invocation, usn);
        } catch (LDAPException e) {
            // Not readable by this account: the host name stands in, and every run is a full pass.
            return new Controller(name, "", Optional.empty());
        }
    }
}
