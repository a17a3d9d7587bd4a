package io.helpdeskverify.tokens;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The customers a token may act on: every one, or a fixed list of slugs. */
public record CustomerScope(boolean all, Set<String> slugs) {

    public static final String ALL = "*";

    public CustomerScope {
        var normalised = new TreeSet<String>();
        slugs.forEach(s -> normalised.add(s.strip().toLowerCase(Locale.ROOT)));
        slugs = all ? Set.of() : Set.copyOf(normalised);
    }

    public static CustomerScope everyCustomer() {
        return new CustomerScope(true, Set.of());
    }

    public static CustomerScope of(Set<String> slugs) {
        return slugs.contains(ALL) ? everyCustomer() : new CustomerScope(false, slugs);
    }

    public boolean includes(String slug) {
        return all || slugs.contains(slug.strip().toLowerCase(Locale.ROOT));
    }

    /** As the API shows it: {@code ["*"]} or the sorted slugs. */
    public Set<String> asList() {
        return all ? Set.of(ALL) : new TreeSet<>(slugs);
    }
}
