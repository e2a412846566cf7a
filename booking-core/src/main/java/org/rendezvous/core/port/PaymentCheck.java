package org.rendezvous.core.port;

import java.util.Objects;
import org.rendezvous.core.money.Money;

/** What the payment provider knows about a booking's payment. */
public sealed interface PaymentCheck {

    record Paid(Money amount, String reference) implements PaymentCheck {
        public Paid {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reference, "reference");
        }
    }

    record GuaranteeSaved(String reference) implements PaymentCheck {
        public GuaranteeSaved {
            Objects.requireNonNull(reference, "reference");
        }
    }

    record NothingReceived() implements PaymentCheck {
    }

    /** The provider could not be asked; the hold is kept and asked about again later. */
    record Unreachable(String why) implements PaymentCheck {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }
}
