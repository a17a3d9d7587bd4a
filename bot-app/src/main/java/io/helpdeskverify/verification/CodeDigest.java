package io.helpdeskverify.verification;

import java.time.Instant;

/** A keyed hash of a one-time code and the moment it stops being accepted. Never the code itself. */
public record CodeDigest(String hash, Instant expiresAt) {}
