package io.helpdeskverify.chat;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.EndUser;
import java.util.List;

/** Who {@code user@customer} is, or why nobody is. */
public sealed interface Resolution permits Resolution.Found, Resolution.Several, Resolution.Disabled,
        Resolution.NoSuchUser, Resolution.NoSuchCustomer {

    record Found(Customer customer, EndUser user) implements Resolution {}

    /** Several enabled users match: the technician picks one. */
    record Several(Customer customer, List<EndUser> users) implements Resolution {}

    /** The only exact match is disabled in the directory. */
    record Disabled(Customer customer, EndUser user) implements Resolution {}

    /** @param closeMatches enabled users whose names are close to what was typed, best first */
    record NoSuchUser(Customer customer, String typed, List<EndUser> closeMatches) implements Resolution {}

    /** @param closeMatches slugs close to what was typed */
    record NoSuchCustomer(String typed, List<String> closeMatches) implements Resolution {}
}
