package io.helpdeskverify.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/** The time parameters of the event routes ({@code since}, {@code until}, {@code from}, {@code to}). */
final class EventTimes {

    private EventTimes() {}

    /** An ISO-8601 UTC time that a stream id can name, else a 400 that says what is expected. */
    static Instant parse(String name, String value) {
        try {
            Instant t = Instant.parse(value);
            // Stream ids are milliseconds since 1970: a time outside them is no time of an event (and no stream id).
            if (t.toEpochMilli() < 0) {
                throw new ArithmeticException("before 1970");
            }
            return t;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter",
                    name + " must be an ISO-8601 UTC time like 2026-11-24T10:00:00Z.");
        }
    }
}
