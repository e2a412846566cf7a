package org.rendezvous.core.payout;

import java.util.Objects;

/**
 * The payout gateway's answer: sent, refused for good, not reachable (asked again later with the same key), or
 * to be paid by the operator's bank from a bank file ({@link ToBankFile}).
 */
public sealed interface PayoutResult {

    record Sent(String reference) implements PayoutResult {
        public Sent {
            Objects.requireNonNull(reference, "reference");
        }
    }

    record Refused(String reason) implements PayoutResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Unreachable(String why) implements PayoutResult {
        public Unreachable {
            Objects.requireNonNull(why, "why");
        }
    }

    /** The operator pays this order by bank transfer: the payout goes into a {@link PayoutBatch} and waits for the file. */
    record ToBankFile() implements PayoutResult {
    }
}
