package io.helpdeskverify.access;

/** Whether a technician may verify a customer's end users, and if not, why. */
public sealed interface AccessDecision permits AccessDecision.Allowed, AccessDecision.Refused {

    record Allowed() implements AccessDecision {}

    /** @param reason why, for the audit log (never shown with a customer's name to the refused person) */
    record Refused(Reason reason) implements AccessDecision {}

    enum Reason {
        /** A Slack user of another workspace (Slack Connect) in a channel the bot serves. */
        EXTERNAL_USER("a user of another Slack workspace (Slack Connect)"),
        /** A Teams activity from another tenant than the bot's. */
        FOREIGN_TENANT("an activity from another Microsoft 365 tenant"),
        /** A Teams activity that names no tenant where one is required. */
        NO_TENANT("an activity without a Microsoft 365 tenant"),
        /** Inside the workspace, but the customer's policy (or strict mode) does not list them. */
        NOT_IN_POLICY("not in the customer's access policy");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** Refusals about the person's organisation, not about one customer. */
        public boolean atTheDoor() {
            return this != NOT_IN_POLICY;
        }
    }

    static AccessDecision allowed() {
        return new Allowed();
    }

    static AccessDecision refused(Reason reason) {
        return new Refused(reason);
    }
}
