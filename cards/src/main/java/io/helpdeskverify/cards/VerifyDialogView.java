package io.helpdeskverify.cards;

import java.util.List;
import java.util.Objects;

/**
 * Teams' "Verify a caller" dialog (the message extension's form): what was typed so far, the
 * methods to choose from, and the problem that sent the form back, if any. Strings are raw text.
 *
 * @param method the chosen value, {@code ""} for "let me choose"
 * @param problem why the form came back, {@code ""} on first opening
 * @param commandId what the submission carries as {@code data.hv}, so the bot knows the form
 */
public record VerifyDialogView(String user, String customer, String method, String problem, List<Choice> methods,
                               String commandId) {

    public VerifyDialogView {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(problem, "problem");
        methods = List.copyOf(methods);
        Objects.requireNonNull(commandId, "commandId");
    }

    /** One line of the method list: the value submitted and the title shown. */
    public record Choice(String value, String title) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(title, "title");
        }
    }
}
