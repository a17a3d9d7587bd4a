package io.helpdeskverify.psa;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.Masking;
import io.helpdeskverify.directory.PhoneNumbers;
import io.helpdeskverify.psa.TicketResolution.Reason;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.VerificationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The one ticket workflow, for the API and both chats: ticket → mapped customer → contact →
 * matched end user (by email, then first + last name, as the reference product does) or the
 * contact's own details (unmatched, where the customer's policy allows) → the same
 * {@link VerificationService} every surface uses → a note owed to the ticket. The adapters only
 * fetch; every decision is here.
 */
@Component
public class TicketVerifications {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]{1,64}@[^@\\s<>]{1,255}\\.[^@\\s<>]{2,63}");
    public static final String UNMATCHED = "unmatched: contact details from the PSA";

    private final PsaConnections connections;
    private final DirectoryService directory;
    private final PhoneNumbers phones;
    private final VerificationService verifications;
    private final TicketNoteOutbox outbox;
    private final PsaProperties settings;
    private final Clock clock;

    public TicketVerifications(PsaConnections connections, DirectoryService directory, PhoneNumbers phones,
                               VerificationService verifications, TicketNoteOutbox outbox, PsaProperties settings,
                               Clock clock) {
        this.connections = connections;
        this.directory = directory;
        this.phones = phones;
        this.verifications = verifications;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param mayVerify whether the technician may verify this customer's users; a customer they may not is
     *        answered exactly like an unmapped company
     * @param chosen a username picked from an earlier {@link TicketResolution.Several}; only one of the matches is accepted
     */
    public TicketResolution resolve(PsaProvider provider, String reference, Predicate<Customer> mayVerify,
                                    Optional<String> chosen) {
        try {
            var psa = connections.of(provider);
            var ticket = psa.ticket(reference);
            var customers = directory.customersOfPsaCompany(provider.id(), ticket.companyId());
            String company = ticket.companyName().isBlank() ? "company " + ticket.companyId()
                    : ticket.companyName() + " (company " + ticket.companyId() + ")";
            if (customers.size() > 1) {
                return new TicketResolution.Refused(Reason.UNMAPPED_COMPANY, "Ticket " + ticket.number() + " is for " + company
                        + ", which is mapped to several customers.", "Ask your admin to keep it on one customer only.");
            }
            if (customers.isEmpty() || !mayVerify.test(customers.get(0))) {
                return new TicketResolution.Refused(Reason.UNMAPPED_COMPANY, "Ticket " + ticket.number() + " is for " + company
                        + ", which is mapped to no customer you may verify.", "An admin maps it with PATCH "
                        + "/api/v1/customers/{slug} {\"psaCompanies\":{\"" + provider.id() + "\":[\""
                        + ticket.companyId() + "\"]}}; if it is mapped, ask to be added to the customer's access policy.");
            }
            var customer = customers.get(0);
            if (ticket.contactId().isEmpty()) {
                return new TicketResolution.Refused(Reason.CONTACT_NOT_VERIFIABLE, "Ticket " + ticket.number() + " has no contact.",
                        "Set the ticket's contact in " + provider.label() + ", then try again.");
            }
            var contact = psa.contact(ticket.contactId().get());
            if (!contact.active()) {
                return new TicketResolution.Refused(Reason.CONTACT_NOT_VERIFIABLE, contact.displayName() + " is inactive in " + provider.label() + ".",
                        "An inactive contact cannot be verified. If they still work there, re-activate the contact first.");
            }
            return match(ticket, customer, contact, chosen);
        } catch (PsaException e) {
            return refusal(provider, e);
        }
    }

    /** Starts the verification and records the note owed to the ticket; a refusal records nothing. */
    public StartResult start(TicketResolution.Subject subject, Optional<Method> method, Technician technician,
                             String channel) {
        var request = new StartRequest(subject.customer().slug(), subject.user().username(), method, technician, channel);
        var result = subject instanceof TicketResolution.Unmatched
                ? verifications.startAdHoc(request, subject.user(), UNMATCHED + " (" + subject.ticket().provider().label()
                        + " ticket " + subject.ticket().number() + ")")
                : verifications.start(request);
        if (result instanceof StartResult.Started started) {
            var v = started.verification();
            var link = new TicketLink(v.id(), subject.ticket().provider(), subject.ticket().id(), subject.ticket().number(),
                    subject instanceof TicketResolution.Matched, describe(subject), email(technician), subject.remarks());
            outbox.add(link, v.expiresAt().plus(settings.notes().grace()));
        }
        return result;
    }

    private TicketResolution match(PsaTicket ticket, Customer customer, PsaContact contact, Optional<String> chosen) {
        String slug = customer.slug();
        var byEmail = new ArrayList<EndUser>();
        for (String email : contact.emails()) {
            directory.findEndUserByEmail(slug, email).filter(u -> byEmail.stream()
                    .noneMatch(x -> x.username().equals(u.username()))).ifPresent(byEmail::add);
        }
        List<EndUser> found = byEmail;
        if (found.isEmpty() && !contact.firstName().isBlank() && !contact.lastName().isBlank()) {
            String name = (contact.firstName() + " " + contact.lastName()).toLowerCase(Locale.ROOT);
            found = directory.endUsers(slug).stream()
                    .filter(u -> u.displayName().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").equals(name))
                    .toList();
        }
        if (!found.isEmpty()) {
            var enabled = found.stream().filter(EndUser::enabled).toList();
            if (enabled.isEmpty()) {
                // Never fall back to the PSA's details for someone the directory switched off.
                return new TicketResolution.Refused(Reason.CONTACT_NOT_VERIFIABLE, found.get(0).displayName() + " is disabled in the directory.",
                        "Disabled accounts cannot be verified. If the account was re-enabled, sync or update the directory first.");
            }
            if (chosen.isPresent()) {
                var pick = enabled.stream().filter(u -> u.username().equals(chosen.get())).findFirst();
                if (pick.isEmpty()) {
                    return new TicketResolution.Refused(Reason.NOT_FOUND, "That end user is not one of the ticket contact's matches.",
                            "Start again from the ticket.");
                }
                return new TicketResolution.Matched(ticket, customer, pick.get(), remarks(ticket, contact, true));
            }
            if (enabled.size() > 1) {
                return new TicketResolution.Several(ticket, customer, enabled);
            }
            return new TicketResolution.Matched(ticket, customer, enabled.get(0), remarks(ticket, contact, true));
        }
        if (!customer.policy().unmatchedPsaContactsAllowed()) {
            return new TicketResolution.Refused(Reason.UNMATCHED_FORBIDDEN, contact.displayName() + " is none of " + customer.name()
                    + "'s imported end users, and its policy forbids verifying on the PSA's contact details.",
                    "Import the user into the directory (or fix their email there), or ask your admin to allow "
                            + "unmatched contacts (policy.allowUnmatchedPsaContacts).");
        }
        return unmatched(ticket, customer, contact);
    }

    private TicketResolution unmatched(PsaTicket ticket, Customer customer, PsaContact contact) {
        var email = contact.email().filter(e -> EMAIL.matcher(e).matches()).map(e -> e.toLowerCase(Locale.ROOT));
        var mobile = contact.mobile().flatMap(m -> phones.normalize(m, customer.defaultRegion())
                instanceof PhoneNumbers.Parsed.Valid v ? Optional.of(v.e164()) : Optional.<String>empty());
        if (email.isEmpty() && mobile.isEmpty()) {
            return new TicketResolution.Refused(Reason.CONTACT_NOT_VERIFIABLE, contact.displayName() + " has no usable contact method in "
                    + ticket.provider().label() + ".", "Add an email or a mobile number to the contact (a direct or "
                    + "office line cannot receive a code), or import them into the directory.");
        }
        var user = new EndUser(customer.slug(), EndUser.adHocUsername(ticket.provider().id(), contact.id()),
                contact.displayName(), email, mobile, true, EndUser.Source.PSA, clock.instant());
        return new TicketResolution.Unmatched(ticket, customer, user, remarks(ticket, contact, false));
    }

    /** When the ticket's own contact fields differ from the contact record: which was used, and both, masked. */
    private static List<String> remarks(PsaTicket ticket, PsaContact contact, boolean matched) {
        var out = new ArrayList<String>();
        String used = matched ? "the directory's contacts were used" : "the contact record's were used";
        ticket.onTicket().email().filter(e -> contact.emails().stream().noneMatch(e::equalsIgnoreCase))
                .ifPresent(e -> out.add("The ticket's email " + masked(e) + " differs from the contact record's "
                        + contact.email().map(TicketVerifications::masked).orElse("(none)") + "; " + used + "."));
        ticket.onTicket().phone().filter(p -> contact.mobile().map(m -> !digits(m).endsWith(digits(p))
                && !digits(p).endsWith(digits(m))).orElse(false))
                .ifPresent(p -> out.add("The ticket's phone " + maskedDigits(p) + " differs from the contact record's "
                        + "mobile " + maskedDigits(contact.mobile().get()) + "; " + used + "."));
        return out;
    }

    private static String describe(TicketResolution.Subject s) {
        var parts = new ArrayList<String>();
        s.user().mobile().ifPresent(m -> parts.add(Masking.phone(m)));
        s.user().email().ifPresent(e -> parts.add(Masking.email(e)));
        String contacts = parts.isEmpty() ? "" : ", " + String.join(", ", parts);
        return s instanceof TicketResolution.Matched
                ? s.user().displayName() + contacts + " (matched: end user " + s.user().username() + "@"
                        + s.customer().slug() + ", directory contacts)"
                : s.user().displayName() + contacts + " (" + UNMATCHED + ")";
    }

    /** An API token named by email, or a chat id that is one: what the PSA can map to its own user. */
    private static Optional<String> email(Technician t) {
        return java.util.stream.Stream.of(t.name(), t.id()).filter(x -> EMAIL.matcher(x).matches()).findFirst();
    }

    /** A PSA that could not answer, in the words every surface shows. */
    static TicketResolution.Refused refusal(PsaProvider provider, PsaException e) {
        return new TicketResolution.Refused(reason(e), title(provider, e), e.getMessage());
    }

    private static Reason reason(PsaException e) {
        return switch (e.kind()) {
            case NOT_CONFIGURED, CREDENTIALS, REJECTED -> Reason.PSA_NOT_CONNECTED;
            case UNAVAILABLE -> Reason.PSA_UNAVAILABLE;
            case NOT_FOUND -> Reason.NOT_FOUND;
        };
    }

    private static String title(PsaProvider provider, PsaException e) {
        return switch (e.kind()) {
            case NOT_CONFIGURED -> provider.label() + " is not connected.";
            case CREDENTIALS -> provider.label() + " refused the connection.";
            case NOT_FOUND -> "Not found in " + provider.label() + ".";
            case UNAVAILABLE -> provider.label() + " is not answering.";
            case REJECTED -> provider.label() + " refused the request.";
        };
    }

    private static String masked(String email) {
        return Masking.email(email.strip().toLowerCase(Locale.ROOT));
    }

    private static String digits(String s) {
        return s.replaceAll("\\D", "");
    }

    /* Not every PSA phone parses as E.164; the last two digits are what a caller can confirm. */
    private static String maskedDigits(String phone) {
        String d = digits(phone);
        return d.length() <= 2 ? "••" : "••• ••" + d.substring(d.length() - 2);
    }
}
