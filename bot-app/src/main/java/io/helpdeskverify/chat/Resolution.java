package io.helpdeskverify.chat;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.EndUser;
import java.util.List;

/** Who {@code user@customer} is, or why nobody is. */
public sealed interface Resolution permits Resolution.Found, Resolution.Several, Resolution.Disabled,
        Resolution.NoSuchUser, Resolution.NoSuchCustomer, Resolution.NotPermitted {

    record Found(Customer customer, EndUser user) implements Resolution {}

    /** Several enabled users match: the technician picks one. */
    record Several(Customer customer, List<EndUser> users) implements Resolution {}

    /** The only exact match is disabled in the directory. */
    record Disabled(Customer customer, EndUser user) implements Resolution {}

    /** @param closeMatches enabled users whose names are close to what was typed, best first */
    record NoSuchUser(Customer customer, String typed, List<EndUser> closeMatches) implements Resolution {}

    /** @param closeMatches slugs close to what was typed, of customers the technician may verify */
    record NoSuchCustomer(String typed, List<String> closeMatches) implements Resolution {}

    /**
     * The customer exists, but the technician may not verify its users. Told exactly like
     * {@link NoSuchCustomer}, so the answer does not say whether it exists; only the audit log knows.
     */
    record NotPermitted(Customer customer, String typed, List<String> closeMatches) implements Resolution {}
}
