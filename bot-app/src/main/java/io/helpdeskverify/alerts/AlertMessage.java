package io.helpdeskverify.alerts;

import java.util.List;

/**
 * What an alert says, the same words in the email and in the chat channel.
 *
 * @param title one line: the customer and the rule
 * @param what what happened
 * @param facts who, which verification, the figures, when; one line each
 * @param advice what to do about it
 */
public record AlertMessage(String title, String what, List<String> facts, String advice) {

    public AlertMessage {
        facts = List.copyOf(facts);
    }

    static AlertMessage of(Alert alert) {
        var t = alert.trigger();
        return new AlertMessage("Security alert for " + t.customer() + ": "
                + alert.rule().name().toLowerCase().replace('_', ' '), alert.rule().what(), List.of(
                "Customer: " + t.customer(),
                "End user: " + t.user(),
                "Technician: " + (t.technician().isEmpty() ? "-" : t.technician()),
                "Verification: " + (t.verificationId().isEmpty() ? "-" : t.verificationId()),
                "Details: " + alert.detail(),
                "Time: " + t.time()), alert.rule().advice());
    }

    public String whatToDo() {
        return "What to do: " + advice;
    }
}
