package io.helpdeskverify.delivery;

import io.helpdeskverify.directory.EndUser;
import java.util.Objects;

/**
 * A message to an end user that is not a challenge (no code, no answer expected), such as "a new
 * phone was added". The texts are already worded; senders only address and carry them.
 *
 * @param subject the email subject; SMS ignores it
 * @param about what the notice concerns (a device id), for logs and the outbox; never a contact
 */
public record Notice(EndUser recipient, String subject, String text, String about) {

    public Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(about, "about");
    }

    @Override
    public String toString() {
        return "Notice[" + about + "]";
    }
}
