package org.rendezvous.core.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/** The operator's payout list pages on a position (issue 12): its text form and its order. */
class PayoutPositionTest {

    @Test
    @DisplayName("a position reads back from its text form, microseconds and all")
    void roundTrip() {
        PayoutPosition position = new PayoutPosition(Instant.parse("2030-03-15T09:00:00.123456Z"), new PayoutId(UUID.randomUUID()));
        assertThat(PayoutPosition.parse("before", position.toString())).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_", "yesterday_0f1e2d3c-0000-4000-8000-000000000000", "2030-03-15T09:00:00Z_not-a-uuid",
            "2030-03-15T09:00:00Z", "0f1e2d3c-0000-4000-8000-000000000000"})
    @DisplayName("a text that is not a position is refused naming the field")
    void badText(String text) {
        assertThatThrownBy(() -> PayoutPosition.parse("before", text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("before: ");
    }

    @Test
    @DisplayName("a payout changed earlier, or at the same instant with a lower id as text, comes after the position")
    void order() {
        Instant at = Instant.parse("2030-03-15T09:00:00Z");
        PayoutId low = PayoutId.of("00000000-0000-4000-8000-000000000001");
        PayoutId high = PayoutId.of("f0000000-0000-4000-8000-000000000001");
        PayoutPosition position = new PayoutPosition(at, high);

        assertThat(position.precedes(withChange(low, at))).isTrue();
        assertThat(position.precedes(withChange(high, at))).as("not itself").isFalse();
        assertThat(position.precedes(withChange(high, at.minusNanos(1000)))).isTrue();
        assertThat(position.precedes(withChange(low, at.plusSeconds(1)))).isFalse();
    }

    private static Payout withChange(PayoutId id, Instant at) {
        return new Payout(id, new PractitionerId(UUID.randomUUID()),
                new PayoutTrigger.Request("r"), at, Money.of("1.00", "EUR"),
                PayoutState.SENT, List.of(), Optional.empty(), Optional.empty(), at, at);
    }
}
