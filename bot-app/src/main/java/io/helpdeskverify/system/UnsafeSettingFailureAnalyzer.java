package io.helpdeskverify.system;

import io.helpdeskverify.shared.UnsafeSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's short "APPLICATION FAILED TO START" text for an unsafe setting, not a stack trace. */
class UnsafeSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action() + " (see docs/configuration.md).", cause);
    }
}
