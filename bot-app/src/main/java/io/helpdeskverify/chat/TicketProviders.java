package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.psa.PsaProvider;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which PSA {@code verify ticket <ticket>} means when the technician did not say. */
final class TicketProviders {

    /** Only Autotask numbers look like this; a plain number could be either PSA's. */
    private static final Pattern AUTOTASK_NUMBER = Pattern.compile("T\\d{8}\\.\\d{4}", Pattern.CASE_INSENSITIVE);

    private TicketProviders() {}

    static Optional<PsaProvider> infer(String ticket, List<PsaProvider> configured) {
        if (AUTOTASK_NUMBER.matcher(ticket.strip()).matches()) {
            return Optional.of(PsaProvider.AUTOTASK);
        }
        return configured.size() == 1 ? Optional.of(configured.get(0)) : Optional.empty();
    }

    static PrivateMessage which(List<PsaProvider> configured) {
        if (configured.isEmpty()) {
            return PrivateMessage.Notice.warning("No PSA is connected.", "Ask your admin to connect ConnectWise "
                    + "Manage or Datto Autotask (docs/psa.md); until then, verify by name: verify user@customer.");
        }
        return PrivateMessage.Notice.warning("Which PSA is that ticket in?", "Both are connected: say verify ticket "
                + "cw 12345 for ConnectWise or verify ticket at 12345 for Autotask.");
    }
}
