package io.helpdeskverify.cards;

/** Plain-text helpers shared by both renderers; nothing here knows a markup language. */
final class Text {

    /** What a reader sees where text was cut, so a truncation is never silent. */
    static final String ELLIPSIS = "…";

    private Text() {}

    /** The view model is filled by the bot; a missing string must not break a card update. */
    static String nz(String s) {
        return s == null ? "" : s;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Directory values land in one-line slots: a line break in a display name could fake a second
     * field, and bidirectional controls (U+202A..U+202E, U+2066..U+2069) can make "Jane" read as
     * someone else. Controls become spaces and bidi controls a visible U+FFFD, so nothing is dropped
     * unseen.
     */
    static String oneLine(String s) {
        String in = nz(s);
        StringBuilder out = new StringBuilder(in.length());
        in.codePoints().forEach(cp -> {
            if (isBidiControl(cp)) {
                out.append('\uFFFD');
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * Cuts {@code s} to at most {@code max} UTF-16 units (what the platforms count), ending in
     * "…", and never between the two halves of a surrogate pair.
     */
    static String truncate(String s, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (s.length() <= max) {
            return s;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + ELLIPSIS;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
