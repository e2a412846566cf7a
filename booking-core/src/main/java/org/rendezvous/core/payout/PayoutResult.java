package org.rendezvous.core.payout;

import java.util.Objects;

/** The payout gateway's answer: sent, refused for good, or not reachable (asked again later with the same key). */
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
}
