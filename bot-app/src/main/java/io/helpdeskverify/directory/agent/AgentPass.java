package io.helpdeskverify.directory.agent;

import io.helpdeskverify.directory.AgentBatch;
import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.directory.SyncReport.Mode;
import io.helpdeskverify.directory.ldap.AdReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the agent: read the directory from the cursor (or all of it), push what was read, and
 * only when every push went through move the cursor. A full pass is one snapshot, page by page and
 * closed by a last, empty page: only that last page lets the bot disable the accounts it did not
 * name, so a pass that breaks off disables nobody, and the next pass starts a new snapshot.
 */
class AgentPass {

    private static final Logger log = LoggerFactory.getLogger(AgentPass.class);

    private final AdReader reader;
    private final LdapSource source;
    private final CursorFile cursors;
    private final BotClient bot;
    private final Duration fullInterval;
    private final String customer;
    private final Clock clock;

    AgentPass(AdReader reader, LdapSource source, CursorFile cursors, BotClient bot, Duration fullInterval,
              String customer, Clock clock) {
        this.reader = reader;
        this.source = source;
        this.cursors = cursors;
        this.bot = bot;
        this.fullInterval = fullInterval;
        this.customer = customer;
        this.clock = clock;
    }

    /** What the pass did, for the log. */
    record Done(Mode mode, int users, int batches, int added, int updated, int disabled, int rejected) {}

    /**
     * @throws io.helpdeskverify.directory.ldap.LdapFailure when the directory cannot be read
     * @throws BotClient.PushFailed when the bot did not take a batch
     */
    Done run() {
        var cursor = cursors.read();
        try (var session = reader.open(source)) {
            Mode mode = session.mode(cursor, fullInterval, clock.instant(), customer);
            String pass = UUID.randomUUID().toString();
            int[] counts = new int[6];
            session.read(mode, cursor, page -> {
                for (var u : page.unreadable()) {
                    log.warn("Entry {} not mapped: {}", u.dn(), u.reason());
                }
                // The bot lists them in its report's rejected, as its own AD sync would.
                var unmapped = page.unreadable().stream().map(u -> new AgentBatch.Unmapped(u.dn(), u.reason())).toList();
                var users = page.users().stream().map(AgentBatch.User::of).toList();
                if (mode == Mode.FULL) {
                    push(AgentBatch.snapshotPage(batchId(), pass, counts[1], false, users, unmapped), counts);
                } else if (!users.isEmpty() || !unmapped.isEmpty()) {
                    push(AgentBatch.changes(batchId(), pass, users, unmapped), counts);
                }
                counts[0] += users.size();
            });
            if (mode == Mode.FULL) {
                push(AgentBatch.snapshotPage(batchId(), pass, counts[1], true, List.of(), List.of()), counts);
            }
            cursors.write(session.next(mode, cursor, clock.instant()));
            return new Done(mode, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
        }
    }

    private void push(AgentBatch batch, int[] counts) {
        var receipt = bot.push(batch);
        counts[1]++;
        counts[2] += receipt.path("added").asInt();
        counts[3] += receipt.path("updated").asInt();
        counts[4] += receipt.path("disabled").asInt();
        counts[5] += receipt.path("rejected").size();
        for (var r : receipt.path("rejected")) {
            log.warn("The bot did not use all of {}: {}", r.path("user").asText(), r.path("reason").asText());
        }
    }

    private static String batchId() {
        return UUID.randomUUID().toString();
    }
}
