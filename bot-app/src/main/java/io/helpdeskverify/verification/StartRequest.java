package io.helpdeskverify.verification;

import java.util.Optional;

/**
 * A technician asks to verify {@code endUser} at {@code customer} (a slug or an email domain).
 *
 * @param channel the chat channel it was asked in, empty for the API
 * @param direction who checks whom: {@link Direction#TECHNICIAN_TO_USER} is the reverse check, whose
 *     channel comes from the user's contacts (app, else SMS, else email); {@code method} is then ignored
 */
public record StartRequest(String customer, String endUser, Optional<Method> method, Technician technician, String channel,
                           Direction direction) {

    public StartRequest {
        channel = channel == null ? "" : channel;
        direction = direction == null ? Direction.USER_TO_TECHNICIAN : direction;
    }

    public StartRequest(String customer, String endUser, Optional<Method> method, Technician technician, String channel) {
        this(customer, endUser, method, technician, channel, Direction.USER_TO_TECHNICIAN);
    }

    /** The reverse check: the end user checks the technician. */
    public static StartRequest reverse(String customer, String endUser, Technician technician, String channel) {
        return new StartRequest(customer, endUser, Optional.empty(), technician, channel, Direction.TECHNICIAN_TO_USER);
    }
}
