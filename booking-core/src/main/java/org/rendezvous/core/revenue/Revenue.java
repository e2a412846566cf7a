package org.rendezvous.core.revenue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.money.Money;

/**
 * Turnover over the days [from, to] (INV-2): in all, by activity, by mode, paid online or on site (and
 * by method), with commissions and fees apart. Every total is a sum of the same lines, so the parts
 * always add up to the whole, and two adjacent periods add up to the period that joins them.
 */
public record Revenue(LocalDate from, LocalDate to, Money total, Map<String, Money> byActivity,
                      Map<ConsultationMode, Money> byMode, Money online, Money onSite,
                      Map<PaymentMethod, Money> byMethod, Money commissions, Money fees, List<RevenueLine> lines) {

    public Revenue {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        byActivity = Collections.unmodifiableMap(new TreeMap<>(byActivity));
        byMode = Collections.unmodifiableMap(new EnumMap<>(byMode.isEmpty() ? new EnumMap<>(ConsultationMode.class) : byMode));
        byMethod = Collections.unmodifiableMap(byMethod.isEmpty() ? new EnumMap<>(PaymentMethod.class) : new EnumMap<>(byMethod));
        lines = List.copyOf(lines);
    }

    /** The revenue of the lines whose day is in [from, to]; the others are left out. */
    public static Revenue of(LocalDate from, LocalDate to, Currency currency, List<RevenueLine> all) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not be before from");
        }
        Money zero = Money.zero(currency);
        Money total = zero;
        Money online = zero;
        Money onSite = zero;
        Money commissions = zero;
        Money fees = zero;
        Map<String, Money> byActivity = new TreeMap<>();
        Map<ConsultationMode, Money> byMode = new EnumMap<>(ConsultationMode.class);
        Map<PaymentMethod, Money> byMethod = new EnumMap<>(PaymentMethod.class);
        List<RevenueLine> lines = all.stream().filter(l -> !l.day().isBefore(from) && !l.day().isAfter(to))
                .sorted(java.util.Comparator.comparing(RevenueLine::day)).toList();
        for (RevenueLine line : lines) {
            total = total.plus(line.amount());
            byActivity.merge(line.activity(), line.amount(), Money::plus);
            byMode.merge(line.mode(), line.amount(), Money::plus);
            if (line.online()) {
                online = online.plus(line.amount());
            } else {
                onSite = onSite.plus(line.amount());
                byMethod.merge(line.onSiteMethod().get(), line.amount(), Money::plus);
            }
            commissions = commissions.plus(line.commission());
            fees = fees.plus(line.fees());
        }
        return new Revenue(from, to, total, byActivity, byMode, online, onSite, byMethod, commissions, fees, lines);
    }
}
