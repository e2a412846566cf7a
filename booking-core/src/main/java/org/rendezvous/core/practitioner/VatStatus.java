package org.rendezvous.core.practitioner;

import java.util.Objects;
import org.rendezvous.core.contact.TypedText;
import org.rendezvous.core.money.Percent;

/**
 * Whether the practitioner charges VAT (INV-1). Exempt: every line at 0 % and the invoice carries the
 * mention the practitioner chose ("TVA non applicable, art. 293 B du CGI", "Exonération de TVA, art.
 * 261-4-1° du CGI"). Liable: each line has its own rate, prefilled with the default one.
 */
public sealed interface VatStatus permits VatStatus.Exempt, VatStatus.Liable {

    String FRANCHISE = "TVA non applicable, art. 293 B du CGI";
    String MEDICAL = "Exonération de TVA, art. 261-4-1° du CGI";

    /** The rate a new line gets. */
    Percent defaultRate();

    record Exempt(String mention) implements VatStatus {
        public static final int MAX_LENGTH = 200;

        public Exempt {
            Objects.requireNonNull(mention, "vatExemptionMention");
            mention = TypedText.require(mention.strip(), "vatExemptionMention", false);
            if (mention.isEmpty()) {
                throw new IllegalArgumentException("vatExemptionMention: required when VAT does not apply");
            }
            if (mention.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("vatExemptionMention: at most " + MAX_LENGTH + " characters");
            }
        }

        @Override
        public Percent defaultRate() {
            return Percent.ZERO;
        }
    }

    record Liable(Percent defaultRate) implements VatStatus {
        public Liable {
            Objects.requireNonNull(defaultRate, "vatRate");
        }
    }
}
