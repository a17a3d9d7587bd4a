package io.helpdeskverify.access;

import java.util.Locale;

/**
 * What happens to a customer without an access policy. A customer whose policy lists anyone is
 * restricted to that list in either mode: a policy, once set, always applies.
 */
public enum AccessMode {
    /** Every technician of the installing Slack workspace or Teams tenant may verify the customer. */
    OPEN,
    /** Nobody may, until the customer's policy lists them. */
    STRICT;

    /** {@code open} or {@code strict}, as HELPDESK_ACCESS_MODE spells it. */
    public static AccessMode parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            return OPEN;
        }
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HELPDESK_ACCESS_MODE must be 'open' or 'strict', not '" + value + "'");
        }
    }
}
