package io.helpdeskverify.directory;

/** Sends an enrolment link by SMS or email (delivery implements it). Must not throw. */
@FunctionalInterface
public interface EnrolmentInviteSender {

    InviteOutcome send(EnrolmentInvite invite, InviteChannel via);
}
