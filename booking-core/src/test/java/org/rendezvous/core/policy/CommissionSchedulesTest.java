package org.rendezvous.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.agenda.ConsultationMode.IN_PERSON;
import static org.rendezvous.core.agenda.ConsultationMode.PHONE;
import static org.rendezvous.core.agenda.ConsultationMode.VIDEO;
import static org.rendezvous.core.money.PaymentPurpose.CONSULTATION;
import static org.rendezvous.core.money.PaymentPurpose.LATE_CANCELLATION_CHARGE;
import static org.rendezvous.core.money.PaymentPurpose.NO_SHOW_CHARGE;
import static org.rendezvous.core.policy.CommercialModel.DIRECT_CONNECT;
import static org.rendezvous.core.policy.CommercialModel.PLATFORM_COLLECTS;

import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.money.FeeBreakdown;
import org.rendezvous.core.money.FeeSchedule;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.PaymentPurpose;
import org.rendezvous.core.money.Percent;

class CommissionSchedulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private final CommissionSchedules schedules = CommissionSchedules.defaults(EUR);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    @DisplayName("FEE-2 a 60.00 video consultation in PLATFORM_COLLECTS earns the practitioner 57.00")
    void videoConsultationExample() {
        FeeSchedule commission = schedules.scheduleFor(PLATFORM_COLLECTS, false, VIDEO, CONSULTATION);

        FeeBreakdown breakdown = FeeBreakdown.platformCollects(eur("60.00"), commission);

        assertThat(breakdown.commission()).isEqualTo(eur("3.00"));
        assertThat(breakdown.providerFee()).isEqualTo(eur("0.00"));
        assertThat(breakdown.net()).isEqualTo(eur("57.00"));
    }

    @Test
    @DisplayName("FEE-2 PLATFORM_COLLECTS: 5 % on remote consultations and on no-show and late-cancellation charges, 0 in person")
    void platformCollectsSchedules() {
        Money sixty = eur("60.00");
        for (boolean paidPlan : new boolean[] {false, true}) {
            assertThat(schedules.scheduleFor(PLATFORM_COLLECTS, paidPlan, PHONE, CONSULTATION).on(sixty)).isEqualTo(eur("3.00"));
            assertThat(schedules.scheduleFor(PLATFORM_COLLECTS, paidPlan, VIDEO, CONSULTATION).on(sixty)).isEqualTo(eur("3.00"));
            assertThat(schedules.scheduleFor(PLATFORM_COLLECTS, paidPlan, IN_PERSON, CONSULTATION).on(sixty)).isEqualTo(eur("0.00"));
            for (ConsultationMode mode : ConsultationMode.values()) {
                assertThat(schedules.scheduleFor(PLATFORM_COLLECTS, paidPlan, mode, NO_SHOW_CHARGE).on(sixty))
                        .as("no-show charge, %s", mode).isEqualTo(eur("3.00"));
                assertThat(schedules.scheduleFor(PLATFORM_COLLECTS, paidPlan, mode, LATE_CANCELLATION_CHARGE).on(sixty))
                        .as("late-cancellation charge, %s", mode).isEqualTo(eur("3.00"));
            }
        }
    }

    @Test
    @DisplayName("FEE-3 DIRECT_CONNECT: 2 % + 0.25 on the free plan, 0 on the paid plan, whatever the mode and purpose")
    void directConnectSchedules() {
        for (ConsultationMode mode : ConsultationMode.values()) {
            for (PaymentPurpose purpose : PaymentPurpose.values()) {
                assertThat(schedules.scheduleFor(DIRECT_CONNECT, false, mode, purpose).on(eur("20.00")))
                        .as("free plan, %s, %s", mode, purpose).isEqualTo(eur("0.65"));
                assertThat(schedules.scheduleFor(DIRECT_CONNECT, true, mode, purpose).on(eur("20.00")))
                        .as("paid plan, %s, %s", mode, purpose).isEqualTo(eur("0.00"));
            }
        }
    }

    @Test
    @DisplayName("FEE-3 the SPEC's example through the schedules: free plan 0.65 / 0.83 / 18.52, paid plan 0 / 0.83 / 19.17")
    void directConnectExample() {
        Money gross = eur("20.00");
        Money providerFee = FeeSchedule.of(Percent.of("2.9"), eur("0.25")).on(gross);

        FeeBreakdown free = FeeBreakdown.of(gross, schedules.scheduleFor(DIRECT_CONNECT, false, VIDEO, CONSULTATION), providerFee);
        FeeBreakdown paid = FeeBreakdown.of(gross, schedules.scheduleFor(DIRECT_CONNECT, true, VIDEO, CONSULTATION), providerFee);

        assertThat(free).isEqualTo(new FeeBreakdown(gross, eur("0.65"), eur("0.83"), eur("18.52")));
        assertThat(paid).isEqualTo(new FeeBreakdown(gross, eur("0.00"), eur("0.83"), eur("19.17")));
    }

    @Test
    @DisplayName("the default fixed part follows the currency's minor unit; schedules must share one currency")
    void currencies() {
        assertThat(CommissionSchedules.defaults(Currency.getInstance("GBP")).directFreePlan().fixed())
                .isEqualTo(Money.of("0.25", "GBP"));
        assertThat(CommissionSchedules.defaults(Currency.getInstance("BHD")).directFreePlan().fixed())
                .isEqualTo(Money.of("0.250", "BHD"));
        assertThat(CommissionSchedules.defaults(EUR).currency()).isEqualTo(EUR);
        FeeSchedule none = FeeSchedule.none(EUR);
        assertThatThrownBy(() -> new CommissionSchedules(none, none, none, none, FeeSchedule.none(Currency.getInstance("USD"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("directPaidPlan:");
    }
}
