package org.rendezvous.core.payout;

import java.time.LocalDate;
import java.util.Objects;

/** Why a payout happens: a cycle on the 1st or the 15th (PO-1), or the practitioner's request (PO-3). */
public sealed interface PayoutTrigger {

    /** The one key under which a practitioner can have at most one payout (PO-2). */
    String key();

    record Cycle(LocalDate date) implements PayoutTrigger {
        public Cycle {
            Objects.requireNonNull(date, "date");
            if (!PayoutCycles.isCycleDate(date)) {
                throw new IllegalArgumentException("date: payout cycles fall on the 1st and the 15th, not on " + date);
            }
        }

        @Override
        public String key() {
            return "cycle:" + date;
        }
    }

    record Request(String requestKey) implements PayoutTrigger {
        public Request {
            Objects.requireNonNull(requestKey, "requestKey");
            if (requestKey.isBlank() || requestKey.length() > 255) {
                throw new IllegalArgumentException("requestKey: must be 1 to 255 characters");
            }
        }

        @Override
        public String key() {
            return "request:" + requestKey;
        }
    }
}
