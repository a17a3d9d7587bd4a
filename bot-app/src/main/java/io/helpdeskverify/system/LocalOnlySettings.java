package io.helpdeskverify.system;

import io.helpdeskverify.shared.LocalMode;
import io.helpdeskverify.shared.UnsafeSettingException;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a demo shortcut is switched on outside the local profile: the outbox (no
 * challenge would reach anyone), demo data (its device secrets are printed in the README) or an
 * unauthenticated Teams endpoint. Failing loudly beats silently ignoring a setting someone meant.
 */
@Component
class LocalOnlySettings {

    private static final Map<String, String> SHORTCUTS = Map.of(
            "helpdesk.outbox.enabled", "HELPDESK_OUTBOX_ENABLED",
            "helpdesk.demo-data.enabled", "HELPDESK_DEMO_DATA_ENABLED",
            "teams.allow-anonymous", "TEAMS_ALLOW_ANONYMOUS");

    LocalOnlySettings(Environment env) {
        if (LocalMode.isLocal(env)) {
            return;
        }
        SHORTCUTS.forEach((property, variable) -> {
            if (env.getProperty(property, Boolean.class, false)) {
                throw new UnsafeSettingException(variable, "is honoured only in the local profile",
                        "Remove " + variable + ", or run the demo with SPRING_PROFILES_ACTIVE=local");
            }
        });
    }
}
