package io.helpdeskverify.verification;

/** The answer to a decision, an app response, a cancel or a delivery report. */
public sealed interface ActionResult permits ActionResult.Done, ActionResult.WrongCode, ActionResult.Refused,
        ActionResult.NotFound {

    record Done(Verification verification) implements ActionResult {}

    record WrongCode(Verification verification, int attemptsLeft) implements ActionResult {}

    record Refused(Rejection rejection, Verification verification) implements ActionResult {}

    record NotFound() implements ActionResult {}
}
