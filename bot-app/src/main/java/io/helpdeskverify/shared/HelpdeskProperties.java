package io.helpdeskverify.shared;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide settings. Environment variables map onto these by Spring's relaxed binding
 * ({@code HELPDESK_VERIFICATION_COUNTDOWN=90s}); the few with other names are mapped in
 * application.yml. Every one is listed in docs/configuration.md.
 */
@ConfigurationProperties("helpdesk")
public record HelpdeskProperties(
        /* HMAC key for codes; at least 32 characters. Generated and kept in dataDir in the local profile. */
        @DefaultValue("") String secret,
        /* Bearer token of the admin API. Generated and logged once in the local profile. */
        @DefaultValue("") String adminApiToken,
        @DefaultValue("./data") Path dataDir,
        /* The MSP's name as end users see it in pushes, SMS and emails. */
        @DefaultValue("your IT service provider") String mspName,
        @DefaultValue("365") int eventRetentionDays,
        @DefaultValue Verification verification,
        @DefaultValue Expiry expiry) {

    public record Verification(
            @DefaultValue("60s") Duration countdown,
            @DefaultValue("6") int codeLength,
            @DefaultValue("3") int maxChallengesPerUser,
            @DefaultValue("30") int maxChallengesPerTechnician,
            /* All of one customer's users together, and the whole service: SMS cost and SMS bombing. */
            @DefaultValue("200") int maxChallengesPerCustomer,
            @DefaultValue("2000") int maxChallengesGlobal,
            @DefaultValue("10m") Duration limitWindow,
            /* After the user approved a push + code, how long the technician has to compare the code. */
            @DefaultValue("2m") Duration technicianWindow,
            @DefaultValue("5") int maxWrongCodes,
            /* How long a finished verification stays readable by id; its events stay for eventRetentionDays. */
            @DefaultValue("7d") Duration keepFinished) {}

    public record Expiry(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("100") int batch,
            /* A claimed expiry comes back after this if its instance died before finishing it; short, so a
               killed instance delays its claims by seconds only (renewed while the instance works on them). */
            @DefaultValue("5s") Duration lease) {}
}
