package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.config.DirectoryProperties;
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
        String state = started instanceof DirectorySync.SyncStart.AlreadyRunning ? "is already running" : "started";
        return new PrivateMessage.Notice(new NoticeView("Directory sync of " + customer.get().name() + " " + state + ".",
                List.of("Users are imported from the customer's directories in the background; the admin API shows the report "
                        + "(GET /api/v1/customers/" + customer.get().slug() + "/directory/sync)."),
                NoticeView.Tone.INFO));
    }
}
