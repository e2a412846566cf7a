package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.money.FeeBreakdown;
import org.rendezvous.core.money.FeeSchedule;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;

/**
 * FEE-1: whatever the schedule and the amount, the split adds up to the minor unit, a fee is never
 * negative nor more than the amount, and a larger amount never has a smaller fee.
 */
class FeePropertiesTest {

    private static final long MAX_AMOUNT = 10_000_000_00L;

    /** Rates of 0 to 100 % (often the usual ones), fixed parts up to 5.00, sometimes a minimum and a maximum. */
    private static Gen<FeeSchedule> schedules() {
        return in -> {
            int basisPoints = Draw.chance(in, 30) ? Draw.oneOf(in, java.util.List.of(0, 150, 190, 200, 250, 290, 325, 500))
                    : Draw.between(in, 0, 10_000);
            Money fixed = eur(Draw.chance(in, 30) ? 0 : Draw.longBetween(in, 0, 500));
            Optional<Money> minimum = Draw.chance(in, 30) ? Optional.of(eur(Draw.longBetween(in, 0, 1_000))) : Optional.empty();
            Optional<Money> maximum = Draw.chance(in, 30)
                    ? Optional.of(eur(minimum.map(Money::minorUnits).orElse(0L) + Draw.longBetween(in, 0, 10_000)))
                    : Optional.empty();
            return new FeeSchedule(Percent.ofBasisPoints(basisPoints), fixed, minimum, maximum);
        };
    }

    /** Amounts from 0 to 10 million, often small, where the fixed part and the bounds matter. */
    private static Gen<Money> amounts() {
        return in -> eur(switch (Draw.between(in, 0, 2)) {
            case 0 -> Draw.longBetween(in, 0, 200);
            case 1 -> Draw.longBetween(in, 0, 100_00);
            default -> Draw.longBetween(in, 0, MAX_AMOUNT);
        });
    }

    private static Money eur(long minor) {
        return Money.ofMinor(minor, "EUR");
    }

    @Test
    @DisplayName("FEE-1 a fee is never negative nor above the amount, and zero on a zero amount")
    void feeBetweenZeroAndTheAmount() {
        qt().withExamples(5_000).forAll(schedules(), amounts()).checkAssert((schedule, amount) -> {
            Money fee = schedule.on(amount);
            assertThat(fee.isNegative()).as("negative fee %s on %s with %s", fee, amount, schedule).isFalse();
            assertThat(fee.isGreaterThan(amount)).as("fee %s above %s with %s", fee, amount, schedule).isFalse();
            assertThat(schedule.on(eur(0))).isEqualTo(eur(0));
        });
    }

    @Test
    @DisplayName("FEE-1 a fee is the half-up rate plus the fixed part, bounded: the same as an independent BigDecimal reading")
    void feeMatchesBigDecimal() {
        qt().withExamples(5_000).forAll(schedules(), amounts()).checkAssert((schedule, amount) -> {
            long expected = BigDecimal.valueOf(amount.minorUnits())
                    .multiply(BigDecimal.valueOf(schedule.rate().basisPoints()))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact()
                    + schedule.fixed().minorUnits();
            if (schedule.minimum().isPresent()) {
                expected = Math.max(expected, schedule.minimum().get().minorUnits());
            }
            if (schedule.maximum().isPresent()) {
                expected = Math.min(expected, schedule.maximum().get().minorUnits());
            }
            expected = Math.min(expected, amount.minorUnits());
            assertThat(schedule.on(amount).minorUnits()).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("FEE-1 a fee grows with the amount: a larger amount never has a smaller fee")
    void monotonicInTheAmount() {
        Gen<Long> steps = in -> Draw.chance(in, 50) ? Draw.longBetween(in, 0, 3) : Draw.longBetween(in, 0, 100_000);
        qt().withExamples(5_000).forAll(schedules(), amounts(), steps).checkAssert((schedule, amount, step) -> {
            Money larger = eur(amount.minorUnits() + step);
            assertThat(schedule.on(larger).isLessThan(schedule.on(amount)))
                    .as("%s on %s is less than on %s", schedule, larger, amount).isFalse();
        });
    }

    @Test
    @DisplayName("FEE-1 FEE-3 commission + provider fee + net = gross to the minor unit, nothing negative")
    void directSplitAddsUp() {
        qt().withExamples(5_000).forAll(schedules(), schedules(), amounts()).checkAssert((commission, provider, gross) -> {
            FeeBreakdown split = FeeBreakdown.of(gross, commission, provider.on(gross));
            assertThat(split.commission().plus(split.providerFee()).plus(split.net())).isEqualTo(gross);
            assertThat(split.providerFee()).isEqualTo(provider.on(gross));
            assertThat(split.commission().isGreaterThan(commission.on(gross))).isFalse();
            assertThat(split.net().isNegative()).isFalse();
            assertThat(split.commission().isNegative()).isFalse();
        });
    }

    @Test
    @DisplayName("FEE-1 FEE-2 platform collects: commission + net = gross, the commission exactly the schedule's")
    void platformSplitAddsUp() {
        qt().withExamples(5_000).forAll(schedules(), amounts()).checkAssert((commission, gross) -> {
            FeeBreakdown split = FeeBreakdown.platformCollects(gross, commission);
            assertThat(split.commission().plus(split.net())).isEqualTo(gross);
            assertThat(split.commission()).isEqualTo(commission.on(gross));
            assertThat(split.providerFee().isZero()).isTrue();
        });
    }
}
