package org.rendezvous.core.payment;

import java.util.Objects;

public sealed interface RefundResult {

    record Refunded(String reference) implements RefundResult {
        public Refunded {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** The provider refused for good (the payment was disputed, say); an operator must look. */
    record Refused(String reason) implements RefundResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Unreachable(String why) implements RefundResult {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }
}
