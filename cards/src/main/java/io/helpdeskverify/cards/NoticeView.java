package io.helpdeskverify.cards;

import java.util.List;
import java.util.Objects;

/**
 * A short message from the chat flow (usage help, "no user matches", "rate limited"), rendered the
 * same way on both platforms. Strings are raw text; renderers escape them.
 */
public record NoticeView(String title, List<String> lines, Tone tone) {

    public NoticeView {
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines);
        Objects.requireNonNull(tone, "tone");
    }

    /** How loud the notice is; each platform maps it to its own emoji or colour. */
    public enum Tone {
        INFO,
        WARNING,
        ERROR
    }
}
