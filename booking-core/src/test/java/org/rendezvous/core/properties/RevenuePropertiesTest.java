package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.revenue.PaymentMethod;
import org.rendezvous.core.revenue.Revenue;
import org.rendezvous.core.revenue.RevenueLine;

/** INV-2: revenue over a period is the sum of its parts, and splitting the period never changes the total. */
class RevenuePropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate START = LocalDate.of(2030, 1, 1);

    private static Gen<List<RevenueLine>> lines() {
        return in -> {
            int count = Draw.between(in, 0, 60);
            List<RevenueLine> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean online = Draw.bool(in);
                long amount = Draw.longBetween(in, 1, 500_00);
                lines.add(new RevenueLine(START.plusDays(Draw.between(in, 0, 120)), new BookingId(UUID.randomUUID()),
                        Draw.oneOf(in, List.of("Shiatsu", "Reiki", "Massage")),
                        Draw.oneOf(in, List.of(ConsultationMode.values())),
                        online ? Optional.empty() : Optional.of(Draw.oneOf(in, List.of(PaymentMethod.values()))),
                        Money.ofMinor(amount, "EUR"), Money.ofMinor(online ? amount / 20 : 0, "EUR"),
                        Money.ofMinor(online ? 25 : 0, "EUR")));
            }
            return lines;
        };
    }

    private static long sum(java.util.Collection<Money> amounts) {
        return amounts.stream().mapToLong(Money::minorUnits).sum();
    }

    @Test
    @DisplayName("INV-2 the total equals the sum by activity, by mode, and online plus on site; on site equals the sum by method")
    void partsAddUp() {
        qt().withExamples(1_000).forAll(lines(), org.quicktheories.generators.SourceDSL.integers().between(0, 120),
                org.quicktheories.generators.SourceDSL.integers().between(0, 120)).checkAssert((lines, a, b) -> {
                    LocalDate from = START.plusDays(Math.min(a, b));
                    LocalDate to = START.plusDays(Math.max(a, b));
                    Revenue r = Revenue.of(from, to, EUR, lines);
                    long expected = lines.stream().filter(l -> !l.day().isBefore(from) && !l.day().isAfter(to))
                            .mapToLong(l -> l.amount().minorUnits()).sum();
                    assertThat(r.total().minorUnits()).isEqualTo(expected);
                    assertThat(sum(r.byActivity().values())).isEqualTo(expected);
                    assertThat(sum(r.byMode().values())).isEqualTo(expected);
                    assertThat(r.online().plus(r.onSite()).minorUnits()).isEqualTo(expected);
                    assertThat(sum(r.byMethod().values())).isEqualTo(r.onSite().minorUnits());
                    assertThat(sum(r.lines().stream().map(RevenueLine::amount).toList())).isEqualTo(expected);
                });
    }

    @Test
    @DisplayName("INV-2 splitting a period at any day: the two parts' totals, commissions and fees add up to the whole's")
    void splittingNeverChangesTheTotal() {
        qt().withExamples(1_000).forAll(lines(), org.quicktheories.generators.SourceDSL.integers().between(0, 119))
                .checkAssert((lines, cut) -> {
                    LocalDate from = START;
                    LocalDate to = START.plusDays(120);
                    LocalDate split = START.plusDays(cut);
                    Revenue whole = Revenue.of(from, to, EUR, lines);
                    Revenue first = Revenue.of(from, split, EUR, lines);
                    Revenue second = Revenue.of(split.plusDays(1), to, EUR, lines);
                    assertThat(first.total().plus(second.total())).isEqualTo(whole.total());
                    assertThat(first.commissions().plus(second.commissions())).isEqualTo(whole.commissions());
                    assertThat(first.fees().plus(second.fees())).isEqualTo(whole.fees());
                    assertThat(first.online().plus(second.online())).isEqualTo(whole.online());
                });
    }
}
