package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.config.DirectoryProperties;
import io.helpdeskverify.directory.SyncReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /verify sync acme}: an admin (listed in HELPDESK_ADMIN_USER_IDS as {@code platform:userId})
 * starts a sync of every directory one customer has (Microsoft 365, Active Directory) from chat. Everyone else is told who may.
 */
@Component
class DirectorySyncCommand {

    private final DirectorySync sync;
    private final DirectoryService directory;
    private final DirectoryProperties settings;

    DirectorySyncCommand(DirectorySync sync, DirectoryService directory, DirectoryProperties settings) {
        this.sync = sync;
        this.directory = directory;
        this.settings = settings;
    }

    PrivateMessage run(ChatRequest request, String customerRef) {
        var technician = request.technician();
        if (!settings.isAdmin(technician.platform().name().toLowerCase(Locale.ROOT), technician.id())) {
            return PrivateMessage.Notice.error("Only admins can sync a directory.",
                    "Ask an admin, or add '" + technician.platform().name().toLowerCase(Locale.ROOT) + ":"
                            + technician.id() + "' to HELPDESK_ADMIN_USER_IDS.");
        }
        var customer = directory.findCustomer(customerRef);
        if (customer.isEmpty()) {
            return PrivateMessage.Notice.error("No customer '" + customerRef + "'.",
                    "Use the customer's short name or one of its email domains.");
        }
        var started = sync.start(customer.get().slug(), technician.name());
        if (started instanceof DirectorySync.SyncStart.Refused refused) {
            return PrivateMessage.Notice.error("Cannot sync " + customer.get().name() + ".", refused.message());
        }
        String slug = customer.get().slug();
        String state = started instanceof DirectorySync.SyncStart.AlreadyRunning ? " is already running"
                : started instanceof DirectorySync.SyncStart.Pushed ? ": the directory agent pushes on its own" : " started";
        var lines = new ArrayList<String>();
        // Each source's last report (counts only: a rejected reason may quote a directory's raw value).
        for (var source : sync.bySource(slug)) {
            lines.add(line(source));
        }
        lines.add("Users are imported from the customer's directories in the background; the admin API shows the report "
                + "and every rejected reason (GET /api/v1/customers/" + slug + "/directory/sync).");
        return new PrivateMessage.Notice(new NoticeView("Directory sync of " + customer.get().name() + state + ".",
                List.copyOf(lines), NoticeView.Tone.INFO));
    }

    /** "Directory agent: last push 3 Dec 16:20 UTC (DELTA): 1 added, 2 updated, 0 disabled, 1 rejected; last full pass …". */
    private static String line(DirectorySync.SourceReport source) {
        var r = source.report();
        String when = r.state() == SyncReport.State.RUNNING ? "running since " + TIME.format(r.startedAt())
                : (source.source().equals("Directory agent") ? "last push " : "last sync ")
                        + TIME.format(r.finishedAt().orElse(r.startedAt()))
                        + (r.state() == SyncReport.State.FAILED ? ", failed" : "");
        return source.source() + ": " + when + " (" + r.mode() + "): " + r.added() + " added, " + r.updated()
                + " updated, " + r.disabled() + " disabled, " + r.rejected().size() + " rejected; last full pass "
                + source.lastFullPass().map(TIME::format).orElse("none yet") + ".";
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
}
