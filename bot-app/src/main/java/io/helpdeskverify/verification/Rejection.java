package io.helpdeskverify.verification;

/** Why a move was refused. The message is what a technician or the app is told. */
public enum Rejection {
    ALREADY_DECIDED("This verification has already been decided."),
    ALREADY_ANSWERED("The user has already answered this challenge."),
    EXPIRED("This verification has expired. Start a new one if the caller is still on the line."),
    NOT_YOUR_VERIFICATION("Only the technician who started this verification can do that."),
    NOT_FOR_THIS_METHOD("That is not possible with this verification method."),
    NOT_SENT_YET("The challenge has not been delivered yet. Wait until the card says it was sent."),
    AWAITING_USER("The user has not approved the push yet. Wait for their approval before you approve."),
    CODE_REQUIRED("Type the code the technician reads to you."),
    WRONG_CODE("That code does not match."),
    NOT_DUE("The deadline has not passed yet."),
    /** Dual control: the requester pressed Approve or Deny while a second technician is needed. */
    OWN_APPROVAL("You started this verification, so you cannot confirm it: a second technician must approve "
            + "or deny it. Ask a colleague to confirm it on the card.");

    private final String message;

    Rejection(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
