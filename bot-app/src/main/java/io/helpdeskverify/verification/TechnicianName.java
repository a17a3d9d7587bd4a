package io.helpdeskverify.verification;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The technician's display name as an end user may read it in an SMS, email or push. The name
 * comes from Slack, Teams or an API caller and anyone can set their own: "Call 0800 123 4567 at
 * evil.example" would otherwise arrive inside our trusted message, next to a real code, and send
 * the user to the attacker. So before any text is built it loses every URL and domain-like word,
 * every phone-number-like run, control and invisible characters, and extra whitespace, and is capped
 * at {@value #MAX_LENGTH} characters (it must leave the SMS in one segment). What is left may still
 * be odd, but it can no longer point anywhere; when nothing is left, {@value #NEUTRAL}.
 */
public record TechnicianName(String value) {

    public static final int MAX_LENGTH = 40;
    static final String NEUTRAL = "your technician";

    /** Anything a phone could dial: 7 or more digits, with spaces, dots, dashes, parentheses or a plus between. */
    private static final Pattern PHONE = Pattern.compile("[+(]*(?:\\p{Nd}[\\s.\\-()+\\u2010-\\u2015]*){6,}\\p{Nd}");
    /** Dots as browsers read them in host names (IDNA): ASCII, ideographic, fullwidth, halfwidth. */
    private static final String DOT = "[.\\u3002\\uFF0E\\uFF61]";
    /** A word that links: a scheme, "www.", or a label, a dot and a TLD-like run of letters ({@code evil.example}). */
    private static final Pattern LINK = Pattern.compile(
            "(?i).*(?:[a-z][a-z0-9+.-]*:/|www" + DOT + "|[\\p{L}\\p{N}-]" + DOT + "\\p{L}{2,}).*");
    /** Zero-width and bidi controls: removed outright, or "evil\u200B.example" would slip past LINK. */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

    public TechnicianName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("use TechnicianName.forEndUser");
        }
    }

    /** The one place a technician's name is made safe for end users. */
    public static TechnicianName forEndUser(String displayName) {
        if (displayName == null) {
            return new TechnicianName(NEUTRAL);
        }
        // NFKC first: fullwidth digits and letters become the ASCII ones the patterns know.
        String s = Normalizer.normalize(displayName, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = CONTROL.matcher(s).replaceAll(" ");
        s = PHONE.matcher(s).replaceAll(" ");
        s = Arrays.stream(s.split("\\s+")).filter(w -> !LINK.matcher(w).matches()).collect(Collectors.joining(" "));
        s = cap(s.strip());
        return s.codePoints().anyMatch(Character::isLetterOrDigit) ? new TechnicianName(s) : new TechnicianName(NEUTRAL);
    }

    /** Whole code points only, so a cut never leaves half an emoji. */
    private static String cap(String s) {
        if (s.codePointCount(0, s.length()) <= MAX_LENGTH) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }

    @Override
    public String toString() {
        return value;
    }
}
