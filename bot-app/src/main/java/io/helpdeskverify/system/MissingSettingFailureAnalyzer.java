package io.helpdeskverify.system;

import io.helpdeskverify.shared.MissingSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing setting into Spring Boot's short "APPLICATION FAILED TO START" text instead of a stack trace. */
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + cause.variable() + " in the environment (see docs/configuration.md), "
                        + "or run with SPRING_PROFILES_ACTIVE=local to try the bot with generated values.",
                cause);
    }
}
