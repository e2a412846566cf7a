package org.rendezvous.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.time.YearMonth;
import java.util.Currency;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;

class QuotasTest {

    private static final PlanSettings SETTINGS = PlanSettings.defaults(Currency.getInstance("EUR"));
    private static final UsageMonth NOVEMBER = new UsageMonth(new PractitionerId(UUID.randomUUID()), YearMonth.of(2026, 11));

    private static Outcome.Rejected<UsageKind> rejected(Outcome<UsageKind> outcome) {
        return outcome.fold(accepted -> null, rejection -> rejection);
    }

    @Test
    @DisplayName("PLAN-2 the defaults: 30.00 a month, 40 bookings and 10 invoices a month, a 2-month trial")
    void defaults() {
        assertThat(SETTINGS).isEqualTo(new PlanSettings(Money.of("30.00", "EUR"), 40, 10, Period.ofMonths(2)));
        assertThat(PlanSettings.defaults(Currency.getInstance("JPY")).monthlyPrice()).isEqualTo(Money.of("30", "JPY"));
        assertThat(SETTINGS.limit(UsageKind.BOOKING)).isEqualTo(40);
        assertThat(SETTINGS.limit(UsageKind.INVOICE)).isEqualTo(10);
    }

    @Test
    @DisplayName("PLAN-2 on the free plan the 40th booking of the month is accepted, the 41st refused with a clear message")
    void fortyBookings() {
        assertThat(Quotas.check(Plan.FREE, SETTINGS, UsageKind.BOOKING, NOVEMBER, 0).isAccepted()).isTrue();
        assertThat(Quotas.check(Plan.FREE, SETTINGS, UsageKind.BOOKING, NOVEMBER, 39).orElseThrow()).isEqualTo(UsageKind.BOOKING);

        Outcome.Rejected<UsageKind> refused = rejected(Quotas.check(Plan.FREE, SETTINGS, UsageKind.BOOKING, NOVEMBER, 40));

        assertThat(refused.reason()).isEqualTo(Reason.QUOTA_REACHED);
        assertThat(refused.detail())
                .isEqualTo("quota: the free plan allows 40 bookings a month; upgrade or wait until 1 December");
        assertThat(rejected(Quotas.check(Plan.FREE, SETTINGS, UsageKind.BOOKING, NOVEMBER, 41)).reason())
                .isEqualTo(Reason.QUOTA_REACHED);
    }

    @Test
    @DisplayName("PLAN-2 on the free plan the 10th invoice of the month is accepted, the 11th refused")
    void tenInvoices() {
        assertThat(Quotas.check(Plan.FREE, SETTINGS, UsageKind.INVOICE, 9).isAccepted()).isTrue();

        Outcome.Rejected<UsageKind> refused = rejected(Quotas.check(Plan.FREE, SETTINGS, UsageKind.INVOICE, 10));

        assertThat(refused.reason()).isEqualTo(Reason.QUOTA_REACHED);
        assertThat(refused.detail()).isEqualTo("quota: the free plan allows 10 invoices a month; upgrade or wait until next month");
        assertThat(rejected(Quotas.check(Plan.FREE, SETTINGS, UsageKind.INVOICE,
                new UsageMonth(NOVEMBER.practitionerId(), YearMonth.of(2026, 12)), 10)).detail())
                .endsWith("wait until 1 January");
    }

    @Test
    @DisplayName("PLAN-1 PLAN-3 the trial and the paid plan have no quota")
    void noQuotaOnTrialOrPaidPlan() {
        for (Plan plan : new Plan[] {Plan.TRIAL, Plan.PAID}) {
            for (UsageKind kind : UsageKind.values()) {
                assertThat(Quotas.check(plan, SETTINGS, kind, 10_000).isAccepted()).as("%s %s", plan, kind).isTrue();
                assertThat(Quotas.check(plan, SETTINGS, kind, NOVEMBER, 10_000).isAccepted()).isTrue();
                assertThat(Quotas.remaining(plan, SETTINGS, kind, 10_000)).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("PLAN-2 what is left this month, for the public page and the dashboard")
    void remaining() {
        assertThat(Quotas.remaining(Plan.FREE, SETTINGS, UsageKind.BOOKING, 0)).isEqualTo(OptionalLong.of(40));
        assertThat(Quotas.remaining(Plan.FREE, SETTINGS, UsageKind.BOOKING, 39)).isEqualTo(OptionalLong.of(1));
        assertThat(Quotas.remaining(Plan.FREE, SETTINGS, UsageKind.BOOKING, 40)).isEqualTo(OptionalLong.of(0));
        assertThat(Quotas.remaining(Plan.FREE, SETTINGS, UsageKind.BOOKING, 45)).isEqualTo(OptionalLong.of(0));
        assertThat(Quotas.remaining(Plan.FREE, SETTINGS, UsageKind.INVOICE, 3)).isEqualTo(OptionalLong.of(7));
    }

    @Test
    @DisplayName("PLAN-2 a limit of one reads in the singular; a limit of zero refuses the first")
    void otherLimits() {
        PlanSettings tight = new PlanSettings(Money.of("30.00", "EUR"), 1, 0, Period.ofMonths(2));

        assertThat(Quotas.check(Plan.FREE, tight, UsageKind.BOOKING, 0).isAccepted()).isTrue();
        assertThat(rejected(Quotas.check(Plan.FREE, tight, UsageKind.BOOKING, 1)).detail())
                .startsWith("quota: the free plan allows 1 booking a month;");
        assertThat(rejected(Quotas.check(Plan.FREE, tight, UsageKind.INVOICE, 0)).reason()).isEqualTo(Reason.QUOTA_REACHED);
    }

    @Test
    @DisplayName("bad arguments and settings are refused, naming the field")
    void validation() {
        assertThatThrownBy(() -> Quotas.check(Plan.FREE, SETTINGS, UsageKind.BOOKING, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("usedThisMonth:");
        assertThatThrownBy(() -> new PlanSettings(Money.of("-1.00", "EUR"), 40, 10, Period.ofMonths(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("monthlyPrice:");
        assertThatThrownBy(() -> new PlanSettings(Money.of("30.00", "EUR"), -1, 10, Period.ofMonths(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bookingsPerMonth:");
        assertThatThrownBy(() -> new PlanSettings(Money.of("30.00", "EUR"), 40, -1, Period.ofMonths(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invoicesPerMonth:");
        assertThatThrownBy(() -> new PlanSettings(Money.of("30.00", "EUR"), 40, 10, Period.of(0, 3, -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trialLength:");
    }
}
