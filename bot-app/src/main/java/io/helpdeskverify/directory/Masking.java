package io.helpdeskverify.directory;

/**
 * Contacts as they may appear on a shared card or in an event: enough to recognise, not enough
 * to use. "+1 ••• ••• ••12", "j•••@acme.com".
 */
public final class Masking {

    private static final String DOTS = "•••";

    private Masking() {}

    public static String phone(String e164) {
        if (e164 == null || e164.length() < 6 || !e164.startsWith("+")) {
            return DOTS;
        }
        String digits = e164.substring(1);
        int ccLength = countryCodeLength(digits);
        return "+" + digits.substring(0, ccLength) + " " + DOTS + " " + DOTS + " ••" + digits.substring(digits.length() - 2);
    }

    public static String email(String email) {
        if (email == null) {
            return DOTS;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return DOTS;
        }
        return email.charAt(0) + DOTS + email.substring(at);
    }

    private static int countryCodeLength(String digits) {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        for (int len = 1; len <= 3 && len < digits.length(); len++) {
            if (!util.getRegionCodeForCountryCode(Integer.parseInt(digits.substring(0, len))).equals("ZZ")) {
                return len;
            }
        }
        return 1;
    }
}
