package io.helpdeskverify.cards;

/**
 * Escaping for Slack mrkdwn (and every other Slack text field we fill from the directory or a user).
 *
 * <p>Slack parses only {@code &}, {@code <} and {@code >} as control characters: they are what
 * turns text into {@code <!channel>}, {@code <@U123>} or a disguised link {@code <https://x|click>}.
 * Escaping exactly those three is what Slack documents, and it decodes them back for display.
 * Formatting marks ({@code *}, {@code _}, {@code ~}, {@code `}) are left alone: they can only change
 * emphasis, and Slack offers no escape for them.
 */
public final class Mrkdwn {

    private Mrkdwn() {}

    /** {@code raw} with {@code &}, {@code <}, {@code >} replaced by their entities. */
    public static String escape(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            out.append(escapeChar(raw.charAt(i)));
        }
        return out.toString();
    }

    /**
     * Escapes {@code raw} so the result is at most {@code maxChars} long. When it does not fit, the
     * raw text is cut first and "…" appended, so an entity such as {@code &amp;} or a surrogate
     * pair is never cut in half (cutting after escaping could leave a stray {@code &am}).
     */
    public static String escape(String raw, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1");
        }
        String full = escape(raw);
        if (full.length() <= maxChars) {
            return full;
        }
        int budget = maxChars - Text.ELLIPSIS.length();
        StringBuilder out = new StringBuilder(maxChars);
        int i = 0;
        while (i < raw.length()) {
            int cp = raw.codePointAt(i);
            String piece = cp < 0x80 ? escapeChar((char) cp) : new String(Character.toChars(cp));
            if (out.length() + piece.length() > budget) {
                break;
            }
            out.append(piece);
            i += Character.charCount(cp);
        }
        return out.append(Text.ELLIPSIS).toString();
    }

    private static String escapeChar(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> String.valueOf(c);
        };
    }
}
