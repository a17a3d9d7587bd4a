package io.helpdeskverify.directory;

/** Whom a redeemed enrolment token was issued for. */
public record EnrolmentTarget(String customer, String endUser) {}
