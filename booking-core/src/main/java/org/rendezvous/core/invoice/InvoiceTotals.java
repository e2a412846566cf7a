package org.rendezvous.core.invoice;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;

/**
 * What an invoice adds up to: the amount before VAT (HT), the VAT by rate and in all, and the amount
 * with VAT (TTC). VAT is computed once per rate on the sum of that rate's lines, rounded half-up as
 * every percentage of the engine (FEE-1), as EN 16931 computes it, so the PDF and its Factur-X XML agree.
 */
public record InvoiceTotals(Money net, List<VatAmount> vat, Money vatTotal, Money gross) {

    /** The VAT of one rate: its base (the sum of the lines at that rate) and the tax on it. */
    public record VatAmount(Percent rate, Money base, Money tax) {
        public VatAmount {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(tax, "tax");
        }
    }

    public InvoiceTotals {
        Objects.requireNonNull(net, "net");
        vat = List.copyOf(vat);
        Objects.requireNonNull(vatTotal, "vatTotal");
        Objects.requireNonNull(gross, "gross");
    }

    public static InvoiceTotals of(List<InvoiceLine> lines, Currency currency) {
        Map<Percent, Money> bases = new TreeMap<>();
        for (InvoiceLine line : lines) {
            bases.merge(line.vatRate(), line.net(), Money::plus);
        }
        Money net = Money.zero(currency);
        Money tax = Money.zero(currency);
        List<VatAmount> vat = new ArrayList<>();
        for (Map.Entry<Percent, Money> base : bases.entrySet()) {
            Money rateTax = base.getValue().times(base.getKey());
            vat.add(new VatAmount(base.getKey(), base.getValue(), rateTax));
            net = net.plus(base.getValue());
            tax = tax.plus(rateTax);
        }
        return new InvoiceTotals(net, vat, tax, net.plus(tax));
    }
}
