package org.rendezvous.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.plan.PlanSettings;
import org.rendezvous.core.plan.Quotas;
import org.rendezvous.core.plan.Subscription;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.Usage;
import org.rendezvous.core.port.contract.UsageContract;

/** The in-memory adapter passes the Usage contract, and counts quotas with the plan rules. */
class InMemoryUsageTest extends UsageContract {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private InMemoryTransactions transactions;

    @Override
    protected Usage newUsage() {
        transactions = new InMemoryTransactions();
        return new InMemoryUsage(transactions);
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Test
    @DisplayName("PLAN-2 after the trial, 40 bookings in March (Paris) are accepted, the 41st refused; April starts again at 23:30 UTC on 31 March")
    void quotaOverAMonth() {
        PlanSettings settings = PlanSettings.defaults(Currency.getInstance("EUR"));
        Subscription subscription = Subscription.startTrial(anna, Instant.parse("2029-12-15T10:00:00Z"), PARIS, settings);
        Instant march = Instant.parse("2030-03-10T09:00:00Z");
        assertThat(subscription.planAt(march)).isEqualTo(Plan.FREE);

        for (int i = 1; i <= 40; i++) {
            Outcome<UsageKind> decision = tryToBook(subscription, settings, march, "booking-" + i);
            assertThat(decision.isAccepted()).as("booking %d", i).isTrue();
        }
        Outcome<UsageKind> fortyFirst = tryToBook(subscription, settings, march, "booking-41");
        assertThat(fortyFirst.<Reason>fold(k -> null, Outcome.Rejected::reason)).isEqualTo(Reason.QUOTA_REACHED);
        assertThat(fortyFirst.<String>fold(k -> "", Outcome.Rejected::detail)).endsWith("wait until 1 April");

        Outcome<UsageKind> lateEvening = tryToBook(subscription, settings, Instant.parse("2030-03-31T23:30:00Z"), "booking-42");
        assertThat(lateEvening.isAccepted()).as("23:30 UTC on 31 March is April in Paris").isTrue();
        assertThat(usage.count(UsageMonth.of(anna, march, PARIS), UsageKind.BOOKING)).isEqualTo(40);
        assertThat(usage.count(new UsageMonth(anna, java.time.YearMonth.of(2030, 4)), UsageKind.BOOKING)).isEqualTo(1);
    }

    /** What a booking use case does: check the quota of the month, then count the booking in it. */
    private Outcome<UsageKind> tryToBook(Subscription subscription, PlanSettings settings, Instant now, String bookingId) {
        UsageMonth month = UsageMonth.of(anna, now, PARIS);
        Outcome<UsageKind> decision = Quotas.check(subscription.planAt(now), settings, UsageKind.BOOKING, month,
                usage.count(month, UsageKind.BOOKING));
        if (decision.isAccepted()) {
            usage.record(month, UsageKind.BOOKING, bookingId);
        }
        return decision;
    }
}
