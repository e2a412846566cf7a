package org.rendezvous.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.practitioner.PractitionerId;

/** PAY-6: a posting as the practitioner sees it, by model, and the money a posting moves. */
class PractitionerViewTest {

    static final PractitionerView PLATFORM = new PractitionerView(CommercialModel.PLATFORM_COLLECTS);
    static final PractitionerView DIRECT = new PractitionerView(CommercialModel.DIRECT_CONNECT);

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Posting posting(PostingKind kind, Leg... legs) {
        return new Posting(new PostingId(UUID.randomUUID()), new PractitionerId(UUID.randomUUID()),
                Optional.of(new BookingId(UUID.randomUUID())), Optional.empty(), kind, "cause:" + UUID.randomUUID(),
                List.of(legs), Instant.parse("2026-12-05T10:00:00Z"));
    }

    @Test
    @DisplayName("PAY-6, CX-4: a guarantee charged 30.00 with its 1.50 commission moves 30.00, not 31.50")
    void aChargeWithItsCommissionMovesWhatTheClientPaid() {
        Posting charge = posting(PostingKind.GUARANTEE_CHARGED,
                new Leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, eur("30.00")),
                new Leg(Account.PRACTITIONER_PAYABLE, Account.PLATFORM_REVENUE, eur("1.50")));
        assertThat(charge.amount()).isEqualTo(eur("30.00"));
        PaymentLine line = PLATFORM.line(charge).orElseThrow();
        assertThat(line.amount()).isEqualTo(eur("30.00"));
        assertThat(line.clientPaid()).isEqualTo(eur("30.00"));
        assertThat(line.commission()).isEqualTo(eur("1.50"));
        assertThat(line.earned()).isEqualTo(eur("28.50"));
    }

    @Test
    @DisplayName("PAY-6: money kept or released from what is held moves the whole amount, net and commission together")
    void aReleaseMovesTheWholeHeldAmount() {
        Posting kept = posting(PostingKind.CHARGE_KEPT,
                new Leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, eur("28.50")),
                new Leg(Account.HELD_FOR_BOOKINGS, Account.PLATFORM_REVENUE, eur("1.50")));
        assertThat(kept.amount()).isEqualTo(eur("30.00"));
        PaymentLine line = PLATFORM.line(kept).orElseThrow();
        assertThat(line.pending()).isEqualTo(eur("-30.00"));
        assertThat(line.earned()).isEqualTo(eur("28.50"));
        assertThat(line.clientPaid()).isEqualTo(eur("0.00"));
    }

    @Test
    @DisplayName("PAY-6: in PLATFORM_COLLECTS the provider fee the platform bears is not the practitioner's; in DIRECT_CONNECT it is")
    void providerFeesAreThePractitionersOnlyInDirectConnect() {
        Posting platformFee = posting(PostingKind.PROVIDER_FEE,
                new Leg(Account.PLATFORM_REVENUE, Account.PROVIDER_FEES, eur("0.83")));
        assertThat(PLATFORM.line(platformFee)).isEmpty();
        Posting directFee = posting(PostingKind.PROVIDER_FEE,
                new Leg(Account.PRACTITIONER_DIRECT, Account.PROVIDER_FEES, eur("0.83")));
        PaymentLine line = DIRECT.line(directFee).orElseThrow();
        assertThat(line.providerFee()).isEqualTo(eur("0.83"));
        assertThat(line.earned()).isEqualTo(eur("-0.83"));
        assertThat(PLATFORM.accounts()).doesNotContain(Account.PLATFORM_REVENUE, Account.PROVIDER_FEES, Account.CLIENT_PAYMENTS);
        assertThat(DIRECT.accounts()).containsExactly(Account.PRACTITIONER_DIRECT);
    }
}
