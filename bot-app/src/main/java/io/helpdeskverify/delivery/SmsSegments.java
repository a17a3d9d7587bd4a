package io.helpdeskverify.delivery;

/**
 * How many SMS segments a text costs. GSM-7 fits 160 characters in one segment (153 per part when
 * split); one character outside GSM-7 switches the whole text to UCS-2 (70, then 67). Extension
 * characters such as {@code €} or {@code [} count twice in GSM-7.
 */
public final class SmsSegments {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    public static int count(String text) {
        if (isGsm7(text)) {
            int septets = text.codePoints().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
