package io.helpdeskverify.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.StartRequest;
import io.helpdeskverify.verification.StartResult;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.VerificationService;
import java.util.Optional;

/**
 * Starts a verification as a Slack technician with any display name, through the service the chat
 * flow calls. The API can no longer claim a technician (its token is one), and a chat display name
 * can hold what a token name may not: markup, formulas, phone numbers.
 */
public final class ChatTechnicianStarts {

    private ChatTechnicianStarts() {}

    /** @return the verification id */
    public static String asSlackTechnician(VerificationService service, String customer, String user,
                                           Optional<Method> method, String displayName, String channel) {
        var result = service.start(new StartRequest(customer, user, method,
                new Technician(Platform.SLACK, Fixtures.unique("U"), displayName), channel));
        assertThat(result).as(String.valueOf(result)).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).verification().id();
    }
}
