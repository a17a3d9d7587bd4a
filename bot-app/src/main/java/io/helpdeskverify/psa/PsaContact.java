package io.helpdeskverify.psa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact record of the PSA: the person the ticket is for.
 *
 * @param emails every email the record holds, the default first
 * @param mobile the mobile number as the PSA wrote it (normalised later, with the customer's region)
 */
public record PsaContact(String id, String firstName, String lastName, boolean active, List<String> emails,
                         Optional<String> mobile) {

    public PsaContact {
        Objects.requireNonNull(id, "id");
        firstName = firstName == null ? "" : firstName.strip();
        lastName = lastName == null ? "" : lastName.strip();
        emails = emails.stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
        mobile = mobile == null ? Optional.empty() : mobile.filter(m -> !m.isBlank());
    }

    public String displayName() {
        String name = (firstName + " " + lastName).strip();
        return name.isEmpty() ? "contact " + id : name;
    }

    public Optional<String> email() {
        return emails.stream().findFirst();
    }
}
