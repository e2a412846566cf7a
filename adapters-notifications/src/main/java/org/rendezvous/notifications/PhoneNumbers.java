package org.rendezvous.notifications;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Objects;
import org.rendezvous.core.contact.PhoneNumber;

/**
 * Phone numbers as people type them, turned into E.164 with libphonenumber: what the host calls when a
 * client books (BK-1), so that a bad number is a clear 400 naming the field then rather than a failed
 * SMS later.
 *
 * <pre>{@code
 * PhoneNumbers.Normalised phone = PhoneNumbers.normalise(request.phone(), "FR");
 * if (phone instanceof PhoneNumbers.Invalid invalid) {
 *     return problem(400, "phone", invalid.reason());
 * }
 * PhoneNumber number = ((PhoneNumbers.Valid) phone).number();
 * }</pre>
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The result of reading a phone number. */
    public sealed interface Normalised permits Valid, Invalid {
    }

    /**
     * A number that exists in its country's numbering plan.
     *
     * @param mobile whether it can receive SMS as far as the plan tells (mobile, or fixed-or-mobile)
     */
    public record Valid(PhoneNumber number, boolean mobile) implements Normalised {
        public Valid {
            Objects.requireNonNull(number, "number");
        }
    }

    /** Not a phone number; {@code reason} says why, in English, naming the field. */
    public record Invalid(String reason) implements Normalised {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Reads a number written in international form ({@code +33 6 12 34 56 78}, {@code 0033…}) or in the
     * national form of {@code defaultRegion} (ISO 3166 code, e.g. {@code "FR"}: {@code 06 12 34 56 78}).
     */
    public static Normalised normalise(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return new Invalid("phone: is required");
        }
        if (raw.length() > 40) {
            return new Invalid("phone: too long to be a phone number");
        }
        String region = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
        String compact = raw.strip();
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(compact, region);
        } catch (NumberParseException e) {
            return new Invalid("phone: not a phone number (" + e.getErrorType().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ")");
        }
        if (!UTIL.isValidNumber(parsed)) {
            return new Invalid("phone: not a valid number for "
                    + Objects.requireNonNullElse(UTIL.getRegionCodeForNumber(parsed), "its country code"));
        }
        PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(parsed);
        boolean mobile = type == PhoneNumberUtil.PhoneNumberType.MOBILE
                || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
        return new Valid(new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)), mobile);
    }
}
