package io.helpdeskverify.directory;

/**
 * What an enrolment attempt did in the store. Only {@link Enrolled} spends the token, except for a
 * user who is no longer enabled (see {@link UserUnavailable}).
 */
public sealed interface EnrolResult
        permits EnrolResult.Enrolled, EnrolResult.TokenGone, EnrolResult.UserUnavailable, EnrolResult.LimitReached {

    record Enrolled() implements EnrolResult {}

    /** The token was redeemed or expired between the check and the write. */
    record TokenGone() implements EnrolResult {}

    /**
     * The user was disabled or removed after the token was issued. The token is spent: an enrolment
     * a disabled account left behind must not come back to life if the account is enabled again.
     */
    record UserUnavailable() implements EnrolResult {}

    /** The user already has {@code active} devices, the most allowed; the token still works. */
    record LimitReached(int active) implements EnrolResult {}
}
