package io.helpdeskverify.delivery.sms;

import java.util.Map;

/**
 * Twilio error codes as a technician reads them on the card. The code stays in brackets so
 * support can look it up (twilio.com/docs/api/errors/&lt;code&gt;).
 */
final class SmsErrors {

    private static final Map<Integer, String> READABLE = Map.ofEntries(
            Map.entry(21211, "invalid number"),
            Map.entry(21408, "sending to this country is not enabled"),
            Map.entry(21610, "the user replied STOP"),
            Map.entry(21612, "the number cannot receive SMS from this sender"),
            Map.entry(21614, "not a mobile number"),
            Map.entry(30003, "carrier problem: phone unreachable or switched off"),
            Map.entry(30004, "message blocked by the recipient or carrier"),
            Map.entry(30005, "carrier problem: unknown or inactive number"),
            Map.entry(30006, "carrier problem: landline or unreachable carrier"),
            Map.entry(30007, "carrier rejected"),
            Map.entry(30008, "carrier problem: unknown error"));

    private SmsErrors() {}

    static String describe(Integer code) {
        if (code == null || code == 0) {
            return "no reason given";
        }
        return READABLE.getOrDefault(code, "Twilio error") + " (" + code + ")";
    }

    static String describe(String code) {
        if (code == null || code.isBlank()) {
            return describe((Integer) null);
        }
        try {
            return describe(Integer.valueOf(code.strip()));
        } catch (NumberFormatException e) {
            return "Twilio error";
        }
    }
}
