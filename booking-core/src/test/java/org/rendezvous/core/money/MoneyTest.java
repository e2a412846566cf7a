package org.rendezvous.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    @DisplayName("FEE-1 a percentage rounds half-up to the minor unit at the half-cent boundary")
    void roundsHalfUpAtTheBoundary() {
        // 0.50 × 5 % = 0.025 → 0.03; 0.49 × 5 % = 0.0245 → 0.02
        assertThat(Money.of("0.50", "EUR").times(Percent.of(5))).isEqualTo(Money.of("0.03", "EUR"));
        assertThat(Money.of("0.49", "EUR").times(Percent.of(5))).isEqualTo(Money.of("0.02", "EUR"));
        assertThat(Money.of("60.00", "EUR").times(Percent.of(5))).isEqualTo(Money.of("3.00", "EUR"));
        assertThat(Money.of("20.00", "EUR").times(Percent.of("2.9"))).isEqualTo(Money.of("0.58", "EUR"));
        assertThat(Money.of("-0.50", "EUR").times(Percent.of(5))).isEqualTo(Money.of("-0.03", "EUR"));
    }

    @Test
    @DisplayName("FEE-1 the rounding equals BigDecimal HALF_UP for every amount and percentage")
    void roundingMatchesBigDecimal() {
        qt().forAll(longs().between(-10_000_000_000L, 10_000_000_000L), integers().between(0, 10_000))
                .checkAssert((minor, bp) -> {
                    long expected = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(bp))
                            .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
                    assertThat(Money.ofMinor(minor, "EUR").times(Percent.ofBasisPoints(bp)).minorUnits())
                            .isEqualTo(expected);
                });
    }

    @Test
    @DisplayName("arithmetic refuses to mix currencies")
    void refusesMixedCurrencies() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
    }

    @Test
    @DisplayName("amounts parse by the currency's minor unit and refuse extra decimals")
    void parsesByMinorUnit() {
        assertThat(Money.of("60", "EUR").minorUnits()).isEqualTo(6000);
        assertThat(Money.of("1500", "JPY").minorUnits()).isEqualTo(1500);
        assertThat(Money.of("60.00", "EUR")).hasToString("60.00 EUR");
        assertThatThrownBy(() -> Money.of("0.001", "EUR")).hasMessageContaining("amount");
        assertThatThrownBy(() -> Money.of("abc", "EUR")).hasMessageContaining("amount");
        assertThatThrownBy(() -> Money.of("1.00", "XYZ1")).hasMessageContaining("currency");
    }

    @Test
    @DisplayName("percentages are 0 to 100 % in basis points, at most two decimals")
    void percentBounds() {
        assertThat(Percent.of("2.9").basisPoints()).isEqualTo(290);
        assertThatThrownBy(() -> Percent.of(101)).hasMessageContaining("percent");
        assertThatThrownBy(() -> Percent.of("2.955")).hasMessageContaining("percent");
        assertThatThrownBy(() -> Percent.ofBasisPoints(-1)).hasMessageContaining("percent");
    }
}
