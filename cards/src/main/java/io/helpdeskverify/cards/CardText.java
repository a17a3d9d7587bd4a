package io.helpdeskverify.cards;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words of a card, platform-neutral, so Slack and Teams say the same thing. Everything returned
 * is raw text: each renderer escapes it for its own markup.
 */
final class CardText {

    /* How much of a long list a card shows. The first rung of the delivery ladder says why the
       ladder started (e.g. "push not possible"), the last ones where it stands now. */
    static final int DELIVERY_HEAD = 1;
    static final int DELIVERY_TAIL = 7;
    static final int WARNINGS_MAX = 10;
    static final int EVENTS_MAX = 20;
    static final int NOTICE_LINES_MAX = 40;
    /* Slack's static_select takes at most 100 options; Teams shows the same list. */
    static final int PICKER_OPTIONS_MAX = 100;

    /* A code is ours (SecureRandom digits), never user text; anything else is a bug upstream. */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /* Adaptive Card DATE()/TIME() accept strict RFC 3339 only: no fractional seconds. */
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private CardText() {}

    /**
     * The headline. The Slack card and the Teams observer view are seen by the whole channel, so
     * only the technician's personal view may say "your".
     */
    static String phaseTitle(CardPhase phase, boolean personal) {
        return switch (phase) {
            case SENDING -> "Sending the challenge";
            case WAITING_FOR_USER -> "Waiting for the user";
            case WAITING_FOR_TECHNICIAN ->
                    personal ? "Waiting for your approval" : "Waiting for the technician's approval";
            case WAITING_FOR_SECOND_TECHNICIAN -> "Needs a second technician";
            case VERIFIED -> "Verified";
            case UNABLE_TO_VERIFY -> "Unable to verify";
            case EXPIRED -> "Expired";
            case FAILED -> "Failed (delivery)";
            case CANCELLED -> "Cancelled";
        };
    }

    /**
     * "about 45 s left". Slack cards are refreshed coarsely (a per-workspace budget), so the figure
     * is rounded up to 5 s, or to the minute, rather than pretending to tick.
     */
    static String remaining(Instant deadline, Instant now) {
        long millis = Duration.between(now, deadline).toMillis();
        if (millis <= 0) {
            return "time is up";
        }
        long seconds = (millis + 999) / 1000;
        if (seconds < 60) {
            return "about " + ((seconds + 4) / 5) * 5 + " s left";
        }
        return "about " + (seconds + 30) / 60 + " min left";
    }

    /** What the card says when the user pressed "I did not ask for this" in the app. */
    static final String USER_REPORTED = "The user says they did not request this";

    /**
     * Under the headline while a second technician is needed: who may press the buttons. The Slack
     * card and the Teams observer view are the second technician's; the requester's own view says
     * why their buttons are gone.
     */
    static String secondTechnicianHint(VerificationCardView v, boolean personal) {
        return personal
                ? "Dual control: another technician must approve or deny this verification. You cannot confirm it yourself."
                : "Dual control: a technician other than " + Text.nz(v.technicianName())
                        + " must approve or deny this verification.";
    }

    /** The facts block, in reading order; empty optional facts are left out rather than shown blank. */
    static List<Fact> facts(VerificationCardView v) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("End user", withAlias(v.endUserDisplayName(), v.endUserUsername())));
        if (!v.maskedContacts().isEmpty()) {
            facts.add(new Fact("Contact", String.join(" · ", v.maskedContacts())));
        }
        facts.add(new Fact("Customer", withAlias(v.customerName(), v.customerSlug())));
        facts.add(new Fact("Method", Text.nz(v.methodLabel())));
        facts.add(new Fact("Technician", Text.nz(v.technicianName())));
        if (!Text.isBlank(v.dualControlReason())) {
            // Why two technicians: so the second knows what they vouch for, and an admin can check the policy.
            facts.add(new Fact("Dual control", v.dualControlReason()));
        }
        if (!Text.isBlank(v.firstApproval())) {
            facts.add(new Fact("First approval", v.firstApproval()));
        }
        if (!Text.isBlank(v.userResponse())) {
            facts.add(new Fact("User response", v.userResponse()));
        }
        return facts;
    }

    /** One line for notifications and screen readers: who, for which customer, where it stands. */
    static String summary(VerificationCardView v, boolean personal) {
        return "Identity verification for " + Text.nz(v.endUserDisplayName())
                + " (" + Text.nz(v.customerName()) + "): " + phaseTitle(v.phase(), personal);
    }

    static String actionLabel(CardAction action) {
        return switch (action) {
            case APPROVE -> "Approve";
            case DENY -> "Deny";
            case CANCEL -> "Cancel verification";
        };
    }

    /**
     * What to do with the code. The two flows move the secret in opposite directions, and reading a
     * read-back code to the caller would defeat the check, so the wording names the direction.
     */
    static String instruction(CodeInstruction instruction, String endUserName) {
        String user = Text.isBlank(endUserName) ? "the user" : endUserName;
        return switch (instruction) {
            case READ_BACK -> "Ask " + user + " to read the code back to you; approve only if it matches.";
            case TELL_USER -> "Read this code to " + user + "; they type it in the app.";
            case READ_OUT_FOR_USER_TO_CHECK -> "Read this code to " + user + "; they compare it with the one they "
                    + "received and confirm that it matches.";
        };
    }

    /** Rejects anything that is not a code we generated, rather than rendering it. */
    static String checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a code is 1 to 32 letters or digits");
        }
        return code;
    }

    /**
     * Groups a code for reading aloud over the phone: "482 913", "4829 1345". Lengths that split
     * into neither threes nor fours are split in two halves.
     */
    static String spacedCode(String code) {
        int n = code.length();
        int group = n <= 4 ? n : n % 3 == 0 ? 3 : n % 4 == 0 ? 4 : (n + 1) / 2;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i += group) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(code, i, Math.min(n, i + group));
        }
        return out.toString();
    }

    static String omitted(int count, String singular, String plural) {
        return "… " + count + " " + (count == 1 ? singular : plural) + " not shown";
    }

    static String utcTime(Instant at) {
        return UTC_TIME.format(at);
    }

    static String utcDateTime(Instant at) {
        return UTC_DATE_TIME.format(at);
    }

    static String rfc3339(Instant at) {
        return RFC_3339.format(at);
    }

    private static String withAlias(String name, String alias) {
        String n = Text.nz(name);
        if (Text.isBlank(alias) || alias.equals(n)) {
            return n;
        }
        return n.isBlank() ? alias : n + " (" + alias + ")";
    }
}
