package io.helpdeskverify.cards;

import java.util.List;
import java.util.Objects;

/**
 * "Several users match: which one?" The chosen option's value comes back under {@code actionId}
 * (Slack action_id, Teams Action.Execute verb, with the value in {@code data.choice}).
 */
public record PickerView(String prompt, List<Option> options, String actionId) {

    /** Slack rejects longer action ids; the id must survive the round trip unchanged. */
    static final int ACTION_ID_MAX = 255;

    public PickerView {
        Objects.requireNonNull(prompt, "prompt");
        options = List.copyOf(options);
        Objects.requireNonNull(actionId, "actionId");
        if (actionId.isBlank() || actionId.length() > ACTION_ID_MAX) {
            throw new IllegalArgumentException("actionId must be 1 to " + ACTION_ID_MAX + " characters");
        }
    }

    /**
     * One choice. The value is an id the bot resolves, never shown and never truncated, so it is
     * checked here: Slack caps select option values at 150 characters, and a Teams choice set
     * returns several values joined by commas. The label must not be blank: Slack refuses an
     * empty option or button text, which would lose the whole picker.
     */
    public record Option(String label, String description, String value) {

        static final int VALUE_MAX = 150;

        public Option {
            Objects.requireNonNull(label, "label");
            if (label.isBlank()) {
                throw new IllegalArgumentException("option label must not be blank");
            }
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(value, "value");
            if (value.isBlank() || value.length() > VALUE_MAX || value.indexOf(',') >= 0) {
                throw new IllegalArgumentException(
                        "option value must be 1 to " + VALUE_MAX + " characters without a comma");
            }
        }
    }
}
