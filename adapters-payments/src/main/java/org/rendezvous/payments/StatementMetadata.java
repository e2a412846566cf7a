package org.rendezvous.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.StatementLine;

/**
 * A payout's statement (PO-5) in a Transfer's metadata, within Stripe's limits: at most 50 keys, keys of
 * at most 40 characters, values of at most 500. The payout's ids, the number of items and their total
 * come first; then the items themselves, several to a key ({@code items_1}, {@code items_2}, …), one per
 * line as {@code date kind booking amount}; what does not fit is counted in {@code items_not_listed} (the
 * whole statement is always in Rendezvous, under the payout's id).
 */
final class StatementMetadata {

    static final int MOST_KEYS = 50;
    static final int LONGEST_KEY = 40;
    static final int LONGEST_VALUE = 500;
    static final String ITEMS_COUNT = "items_count";
    static final String ITEMS_TOTAL = "items_total";
    static final String ITEMS_NOT_LISTED = "items_not_listed";
    static final String ITEMS = "items_";

    private StatementMetadata() {
    }

    static Map<String, String> of(PayoutOrder order) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(StripePaymentGateway.PAYOUT_ID, order.payoutId().toString());
        metadata.put(StripePaymentGateway.PRACTITIONER_ID, order.practitionerId().toString());
        metadata.put(ITEMS_COUNT, Integer.toString(order.statement().size()));
        Money total = order.statement().stream().map(StatementLine::amount)
                .reduce(Money.zero(order.amount().currency()), Money::plus);
        metadata.put(ITEMS_TOTAL, total.toString());
        // One key kept for items_not_listed.
        int itemKeys = MOST_KEYS - metadata.size() - 1;
        java.util.List<String> values = new java.util.ArrayList<>();
        StringBuilder value = new StringBuilder();
        int listed = 0;
        for (StatementLine line : order.statement()) {
            String item = item(line);
            if (value.length() > 0 && value.length() + 1 + item.length() > LONGEST_VALUE) {
                values.add(value.toString());
                value.setLength(0);
            }
            if (values.size() == itemKeys) {
                break;
            }
            value.append(value.length() > 0 ? "\n" : "").append(item);
            listed++;
        }
        if (value.length() > 0) {
            values.add(value.toString());
        }
        for (int i = 0; i < values.size(); i++) {
            metadata.put(ITEMS + (i + 1), values.get(i));
        }
        if (listed < order.statement().size()) {
            metadata.put(ITEMS_NOT_LISTED, Integer.toString(order.statement().size() - listed));
        }
        return metadata;
    }

    private static String item(StatementLine line) {
        String item = line.at().toString().substring(0, 10) + " " + line.kind() + " "
                + line.bookingId().map(Object::toString).orElse("-") + " " + line.amount();
        return item.length() > LONGEST_VALUE ? item.substring(0, LONGEST_VALUE) : item;
    }
}
