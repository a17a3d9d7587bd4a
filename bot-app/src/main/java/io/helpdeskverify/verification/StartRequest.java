package io.helpdeskverify.verification;

import java.util.Optional;

/**
 * A technician asks to verify {@code endUser} at {@code customer} (a slug or an email domain).
 *
 * @param channel the chat channel it was asked in, empty for the API
 */
public record StartRequest(String customer, String endUser, Optional<Method> method, Technician technician, String channel) {

    public StartRequest {
        channel = channel == null ? "" : channel;
    }
}
