package io.helpdeskverify.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.EnumSet;
import java.util.Set;

/** Mobile numbers to E.164 with libphonenumber, refusing what an SMS cannot reach. */
public final class PhoneNumbers {

    private static final Set<PhoneNumberType> SMS_CAPABLE =
            EnumSet.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /** The E.164 form, or why the number cannot be used. */
    public Parsed normalize(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return new Parsed.Invalid("the mobile number is empty");
        }
        try {
            var number = util.parse(raw.strip(), defaultRegion.toUpperCase());
            if (!util.isValidNumber(number)) {
                return new Parsed.Invalid("not a valid phone number (region " + defaultRegion.toUpperCase()
                        + " is assumed when there is no +country code)");
            }
            if (!SMS_CAPABLE.contains(util.getNumberType(number))) {
                return new Parsed.Invalid("not a mobile number, so it cannot receive SMS");
            }
            return new Parsed.Valid(util.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return new Parsed.Invalid("not a phone number");
        }
    }

    public boolean isKnownRegion(String region) {
        return region != null && util.getSupportedRegions().contains(region.toUpperCase());
    }

    public sealed interface Parsed permits Parsed.Valid, Parsed.Invalid {
        record Valid(String e164) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }
}
