package io.helpdeskverify.verification;

/** Compares a typed code with a stored digest; implemented by {@link Codes}. */
@FunctionalInterface
public interface CodeMatcher {
    boolean matches(String verificationId, String typedCode, CodeDigest digest);
}
