package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.TechnicianAccess;
import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.EndUser;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.stereotype.Component;

/**
 * Finds the end user behind {@code user@customer}: {@code customer} is a slug or one of the
 * customer's email domains; {@code user} is a username (UPN), an email local part, a full email,
 * an Active Directory account name ({@code jdoe}, also as {@code ACME\jdoe}) or a display name,
 * case-insensitive. Disabled users never match, so nobody can verify an account the
 * directory switched off; when the only exact match is disabled, the technician is told so.
 * A customer the technician may not verify is not there for them: the answer and the suggestions
 * are the same as for a customer that does not exist.
 */
@Component
public class EndUserResolver {

    /* Jaro-Winkler above this reads as "probably a typo" for names of a few words. */
    private static final double CLOSE = 0.85;
    private static final int MAX_SUGGESTIONS = 5;
    /** Prefix of a username chosen in a picker ({@code =jdoe@acme}). */
    static final String EXACT = "=";

    private final DirectoryRepository directory;
    private final DirectorySnapshots snapshots;
    private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

    public EndUserResolver(DirectoryRepository directory, DirectorySnapshots snapshots) {
        this.directory = directory;
        this.snapshots = snapshots;
    }

    Resolution resolve(ChatCommand.Target target, TechnicianAccess access) {
        String customerKey = target.customer().strip().toLowerCase(Locale.ROOT);
        Optional<Customer> customer = directory.customer(customerKey).or(() -> directory.customerByDomain(customerKey));
        if (customer.isEmpty()) {
            return new Resolution.NoSuchCustomer(target.customer(), closeCustomers(customerKey, access));
        }
        if (!access.mayVerify(customer.get())) {
            // The same suggestions as for a name that matches nothing: they depend on what was typed only.
            return new Resolution.NotPermitted(customer.get(), target.customer(), closeCustomers(customerKey, access));
        }
        String typed = withoutDomain(target.user().strip().toLowerCase(Locale.ROOT));
        if (typed.startsWith(EXACT)) {
            // A picker's choice: the username exactly, so a name shared with another user cannot loop back.
            return directory.endUser(customer.get().slug(), typed.substring(EXACT.length()))
                    .<Resolution>map(u -> u.enabled() ? new Resolution.Found(customer.get(), u)
                            : new Resolution.Disabled(customer.get(), u))
                    .orElseGet(() -> new Resolution.NoSuchUser(customer.get(), target.user(), List.of()));
        }
        String slug = customer.get().slug();
        var snapshot = snapshots.of(slug, EndUserResolver::keys);
        // Candidates from the snapshot, each read again: what is used (enabled, names) is never stale.
        List<EndUser> exact = snapshot.byName().getOrDefault(typed, List.of()).stream()
                .map(u -> directory.endUser(slug, u.username())).flatMap(Optional::stream)
                .filter(u -> keys(u).anyMatch(typed::equals)).toList();
        List<EndUser> enabled = exact.stream().filter(EndUser::enabled).toList();
        if (enabled.size() == 1) {
            return new Resolution.Found(customer.get(), enabled.get(0));
        }
        if (enabled.size() > 1) {
            return new Resolution.Several(customer.get(), sorted(enabled));
        }
        if (!exact.isEmpty()) {
            return new Resolution.Disabled(customer.get(), exact.get(0));
        }
        return new Resolution.NoSuchUser(customer.get(), target.user(), closeUsers(snapshot.users(), typed));
    }

    private List<EndUser> closeUsers(List<EndUser> users, String typed) {
        return users.stream().filter(EndUser::enabled)
                .map(u -> Map.entry(u, keys(u).mapToDouble(k -> similarity.apply(k, typed)).max().orElse(0)))
                .filter(e -> e.getValue() >= CLOSE)
                .sorted(Map.Entry.<EndUser, Double>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().username()))
                .limit(MAX_SUGGESTIONS).map(Map.Entry::getKey).toList();
    }

    private List<String> closeCustomers(String typed, TechnicianAccess access) {
        return directory.customers().stream().map(Customer::slug)
                .filter(s -> similarity.apply(s, typed) >= CLOSE)
                .filter(access::mayVerify)
                .sorted(Comparator.comparingDouble((String s) -> -similarity.apply(s, typed)))
                .limit(MAX_SUGGESTIONS).toList();
    }

    /** Every name a technician may type for this user, lower-case. */
    private static Stream<String> keys(EndUser u) {
        // Username, Microsoft 365 UPN and email each match whole or by their local part.
        Stream<String> addresses = Stream.of(Optional.of(u.username()), u.upn(), u.email()).flatMap(Optional::stream)
                .map(a -> a.toLowerCase(Locale.ROOT)).flatMap(EndUserResolver::wholeAndLocalPart);
        Stream<String> names = Stream.concat(u.accountName().map(a -> a.toLowerCase(Locale.ROOT)).stream(),
                Stream.of(u.displayName().strip().toLowerCase(Locale.ROOT)));
        return Stream.concat(addresses, names).distinct();
    }

    /**
     * {@code ACME\jdoe} is how Windows names an account (NetBIOS domain, then the account name): the
     * customer is already known from after the {@code @}, so the account name is what is looked up.
     */
    private static String withoutDomain(String typed) {
        int slash = typed.lastIndexOf('\\');
        return slash >= 0 && !typed.startsWith(EXACT) ? typed.substring(slash + 1) : typed;
    }

    private static Stream<String> wholeAndLocalPart(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 ? Stream.of(address, address.substring(0, at)) : Stream.of(address);
    }

    private static List<EndUser> sorted(List<EndUser> users) {
        return users.stream().sorted(Comparator.comparing(EndUser::displayName).thenComparing(EndUser::username)).toList();
    }
}
