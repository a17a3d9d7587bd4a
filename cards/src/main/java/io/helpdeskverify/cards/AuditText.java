package io.helpdeskverify.cards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of the daily audit thread, platform-neutral; {@link BlockKitRenderer#auditReply} and
 * {@link AdaptiveCardRenderer#auditReply} wrap them in each platform's markup.
 */
public final class AuditText {

    private AuditText() {}

    /** The root message of a UTC day's thread, e.g. "Identity verifications, 2026-11-24". */
    public static String rootTitle(LocalDate utcDay) {
        return "Identity verifications, " + utcDay;
    }

    /** Who and what, in the order an auditor scans them; blank values are left out. */
    static List<Fact> facts(AuditEntry entry) {
        List<Fact> facts = new ArrayList<>();
        addIfPresent(facts, "End user", entry.endUser());
        addIfPresent(facts, "Customer", entry.customer());
        addIfPresent(facts, "Method", entry.method());
        addIfPresent(facts, "Technician", entry.technician());
        return facts;
    }

    private static void addIfPresent(List<Fact> facts, String label, String value) {
        if (!value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }
}
