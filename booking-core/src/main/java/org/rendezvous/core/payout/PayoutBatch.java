package org.rendezvous.core.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.money.Money;

/**
 * The payouts the operator pays by one bank file (a SEPA credit-transfer file, say): one batch per cycle
 * ({@code cycle} present), and batches of payouts on request ({@code cycle} empty, one open at a time). A batch
 * collects payouts while OPEN; downloading its file fixes it (EXPORTED); the operator marking it sent makes its
 * payouts SENT.
 */
public record PayoutBatch(PayoutBatchId id, Optional<LocalDate> cycle, Currency currency, PayoutBatchState state,
                          List<BatchItem> items, Instant createdAt, Optional<Instant> exportedAt,
                          Optional<BatchSending> sending) {
    public PayoutBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(state, "state");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.stream().anyMatch(i -> !i.amount().currency().equals(currency))) {
            throw new IllegalArgumentException("items: every amount must be in " + currency);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(sending, "sending");
        if ((state == PayoutBatchState.OPEN) != exportedAt.isEmpty()) {
            throw new IllegalArgumentException("exportedAt: present exactly once the batch is exported");
        }
        if ((state == PayoutBatchState.SENT) != sending.isPresent()) {
            throw new IllegalArgumentException("sending: present exactly when the batch is sent");
        }
    }

    public static PayoutBatch open(PayoutBatchId id, Optional<LocalDate> cycle, Currency currency, Instant at) {
        return new PayoutBatch(id, cycle, currency, PayoutBatchState.OPEN, List.of(), at, Optional.empty(), Optional.empty());
    }

    public PayoutBatch exported(Instant at) {
        return new PayoutBatch(id, cycle, currency, PayoutBatchState.EXPORTED, items, createdAt, Optional.of(at), sending);
    }

    public PayoutBatch sent(BatchSending how) {
        return new PayoutBatch(id, cycle, currency, PayoutBatchState.SENT, items, createdAt, exportedAt, Optional.of(how));
    }

    /** What the file's control sum says: every item's amount, added up. */
    public Money total() {
        return items.stream().map(BatchItem::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** "cycle 2026-12-01" or "on request". */
    public String label() {
        return cycle.map(d -> "cycle " + d).orElse("on request");
    }

    /**
     * The reference a payout of a batch carries end to end: in the file (the SEPA EndToEndId, at most 35
     * characters) and on the payout once sent. The payout's id without its dashes: unique and the same each time.
     */
    public static String endToEndId(PayoutId payout) {
        return payout.value().toString().replace("-", "");
    }
}
