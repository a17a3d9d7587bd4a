package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads an activity's {@code timestamp} and {@code localTimestamp} in every form RFC 3339 allows
 * (fraction optional and of any length, {@code Z}, {@code z} or a numeric offset, {@code T}, {@code t}
 * or a space between date and time). The SDK's own pattern insists on a fraction, so a channel or
 * emulator that sends whole seconds would have the technician's command refused with a 400.
 */
final class Rfc3339Timestamps extends JsonDeserializer<OffsetDateTime> {

    /** Jackson mix-in for {@link com.microsoft.bot.schema.Activity}: only the two offset timestamps change. */
    abstract static class ActivityMixIn {
        @JsonDeserialize(using = Rfc3339Timestamps.class)
        private OffsetDateTime timestamp;

        @JsonDeserialize(using = Rfc3339Timestamps.class)
        private OffsetDateTime localTimestamp;
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (OffsetDateTime) ctx.handleUnexpectedToken(OffsetDateTime.class, p);
        }
        String text = p.getText().strip();
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            return (OffsetDateTime) ctx.handleWeirdStringValue(OffsetDateTime.class, text,
                    "not an RFC 3339 date-time with an offset (for example 2026-12-03T10:15:30Z)");
        }
    }

    static OffsetDateTime parse(String text) {
        String s = text.toUpperCase(Locale.ROOT);
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
