package org.rendezvous.core.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;

/**
 * One line of an invoice: what was provided, how many (up to two decimals: 1.5 hours), the unit price
 * before VAT and the VAT rate (0 % when VAT does not apply). Amounts are {@link Money}, never doubles.
 */
public record InvoiceLine(String description, BigDecimal quantity, Money unitPrice, Percent vatRate) {

    public static final int DESCRIPTION_MAX_LENGTH = 300;
    public static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(10_000);

    public InvoiceLine {
        description = InvoiceTexts.text(description, "description", DESCRIPTION_MAX_LENGTH, true);
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
            throw new IllegalArgumentException("quantity: must be above 0 and at most " + MAX_QUANTITY);
        }
        if (quantity.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("quantity: at most two decimals");
        }
        quantity = quantity.setScale(2, RoundingMode.UNNECESSARY);
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unitPrice: must not be negative");
        }
        if (unitPrice.minorUnits() > 100_000_000L) {
            throw new IllegalArgumentException("unitPrice: at most 1000000.00");
        }
        Objects.requireNonNull(vatRate, "vatRate");
    }

    public static InvoiceLine of(String description, String quantity, Money unitPrice, Percent vatRate) {
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(Objects.requireNonNull(quantity, "quantity").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity: not a decimal number");
        }
        return new InvoiceLine(description, parsed, unitPrice, vatRate);
    }

    /** Quantity times unit price, rounded half-up to the minor unit: the line's amount before VAT. */
    public Money net() {
        long minor = quantity.multiply(BigDecimal.valueOf(unitPrice.minorUnits())).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return new Money(minor, unitPrice.currency());
    }
}
