package io.helpdeskverify.psa;

import io.helpdeskverify.verification.Method;
import java.util.List;

/**
 * The ticket as the page shows it: who would be challenged (masked) and with which methods.
 *
 * @param matched null while several end users match (then {@code candidates} lists them)
 * @param contacts the masked email and mobile the challenge would go to
 */
public record PodTicket(String provider, String ticketId, String number, String summary, String contact,
                        List<String> contacts, Boolean matched, List<Method> methods, List<String> remarks,
                        List<Candidate> candidates) {

    public record Candidate(String user, String name) {}
}
