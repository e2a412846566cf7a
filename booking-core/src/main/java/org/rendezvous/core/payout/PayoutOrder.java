package org.rendezvous.core.payout;

import java.util.List;
import java.util.Objects;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What the payout gateway is asked to send. {@code idempotencyKey} is the payout's id: a retry after a
 * crash or a timeout asks for the same transfer, which the provider performs once. {@code statement} is
 * the payout's items (PO-5), for a gateway that can attach them to the transfer.
 */
public record PayoutOrder(PayoutId payoutId, PractitionerId practitionerId, Money amount, PayoutDestination destination,
                          String idempotencyKey, String description, List<StatementLine> statement) {

    /** An order without its statement's items. */
    public PayoutOrder(PayoutId payoutId, PractitionerId practitionerId, Money amount, PayoutDestination destination,
                       String idempotencyKey, String description) {
        this(payoutId, practitionerId, amount, destination, idempotencyKey, description, List.of());
    }

    public PayoutOrder {
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be more than zero");
        }
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(statement, "statement");
        statement = List.copyOf(statement);
    }
}
