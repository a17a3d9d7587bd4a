package io.helpdeskverify.cards;

/**
 * A button on the card. The id is what comes back from the platform (Slack action_id, Teams
 * Action.Execute verb), so it is part of the wire contract: never rename one.
 */
public enum CardAction {
    APPROVE("hv_approve"),
    DENY("hv_deny"),
    CANCEL("hv_cancel");

    private final String id;

    CardAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
