package org.rendezvous.core.practitioner;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rendezvous.core.contact.TypedText;

/**
 * Who issues the invoices (INV-1), as every invoice must name them: the legal name (an individual
 * entrepreneur's carries the mention {@code EI}), the postal address, the SIRET (optional for one who
 * has none), the intra-community VAT number when VAT applies, the VAT status and the payment terms.
 * An issued invoice keeps a copy of the identity it was issued under.
 *
 * @param countryCode ISO 3166-1 alpha-2, e.g. {@code FR}
 */
public record LegalIdentity(String legalName, boolean individualEntrepreneur, String street, String postcode,
                            String city, String countryCode, Optional<Siret> siret, Optional<String> vatNumber,
                            VatStatus vat, PaymentTerms terms) {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int STREET_MAX_LENGTH = 200;
    private static final Pattern EI = Pattern.compile("(^|[^\\p{L}])(EI|E\\.I\\.|entrepreneur individuel)([^\\p{L}]|$)",
            Pattern.CASE_INSENSITIVE);

    public LegalIdentity {
        legalName = text(legalName, "legalName", NAME_MAX_LENGTH, false);
        street = text(street, "street", STREET_MAX_LENGTH, true);
        postcode = text(postcode, "postcode", 12, false);
        city = text(city, "city", 80, false);
        Objects.requireNonNull(countryCode, "countryCode");
        countryCode = countryCode.strip().toUpperCase(Locale.ROOT);
        if (!countryCode.matches("[A-Z]{2}") || !Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
                .contains(countryCode)) {
            throw new IllegalArgumentException("countryCode: not an ISO 3166 country code");
        }
        Objects.requireNonNull(siret, "siret");
        Objects.requireNonNull(vatNumber, "vatNumber");
        vatNumber = vatNumber.map(v -> v.replace(" ", "").toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty());
        if (vatNumber.isPresent() && !vatNumber.get().matches("[A-Z]{2}[0-9A-Z]{2,13}")) {
            throw new IllegalArgumentException("vatNumber: an intra-community VAT number, such as FR12345678901");
        }
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(terms, "terms");
        if (vat instanceof VatStatus.Liable && vatNumber.isEmpty()) {
            throw new IllegalArgumentException("vatNumber: required when VAT applies");
        }
    }

    /** The name as invoices print it: with {@code EI} after an individual entrepreneur's name that lacks it. */
    public String displayName() {
        return individualEntrepreneur && !EI.matcher(legalName).find() ? legalName + " EI" : legalName;
    }

    private static String text(String value, String field, int maxLength, boolean multiline) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        String stripped = value.strip().replace("\r\n", "\n");
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            throw new IllegalArgumentException(field + ": at most " + maxLength + " characters");
        }
        return TypedText.require(stripped, field, multiline);
    }
}
