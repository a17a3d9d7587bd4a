package io.helpdeskverify.cards;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code /verify events user@customer}: recent events, oldest first. Renderers show
 * at most the newest {@value CardText#EVENTS_MAX} and say how many they left out.
 */
public record EventListView(String title, List<EventRow> rows) {

    public EventListView {
        Objects.requireNonNull(title, "title");
        rows = List.copyOf(rows);
    }

    /** One event as a reader needs it; never a code or a full phone number (the bot sees to that). */
    public record EventRow(Instant at, String type, String detail) {

        public EventRow {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
