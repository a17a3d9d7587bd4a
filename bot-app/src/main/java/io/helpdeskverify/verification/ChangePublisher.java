package io.helpdeskverify.verification;

/** Tells delivery and the chat surfaces what just changed. Implementations must not throw. */
@FunctionalInterface
public interface ChangePublisher {
    void publish(VerificationChange change);
}
