package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.eur;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.payout.PayoutTrigger;
import org.rendezvous.core.payout.StatementLine;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.Iban;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link org.rendezvous.core.port.Payouts} and {@link org.rendezvous.core.port.PayoutAccounts} adapter must do (PO-2, PO-4, PO-5). */
public abstract class PayoutsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected PractitionerId anna;
    protected PractitionerId ben;

    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        anna = fixtures.registerPractitioner(stores);
        ben = fixtures.registerPractitioner(stores);
    }

    protected Payout payout(PractitionerId practitioner, PayoutTrigger trigger, PayoutState state) {
        return new Payout(new PayoutId(fixtures.newId()), practitioner, trigger, hours(0), eur("57.00"), state,
                List.of(new StatementLine(hours(-5), "EARNINGS_RELEASED", Optional.of(fixtures.bookingId()), eur("57.00"))),
                Optional.empty(), Optional.empty(), hours(1), hours(1));
    }

    @Test
    @DisplayName("PO-5 a payout is read back with its statement")
    void payoutRoundTrip() {
        Payout payout = payout(anna, new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15)), PayoutState.PLANNED);
        assertThat(stores.payouts().add(payout)).isTrue();

        assertThat(stores.payouts().find(payout.id())).contains(payout);
        assertThat(stores.payouts().forTrigger(anna, "cycle:2030-03-15")).contains(payout);
        assertThat(stores.payouts().ofPractitioner(anna)).containsExactly(payout);
    }

    @Test
    @DisplayName("PO-2 at most one payout per practitioner and cycle; another practitioner or another trigger is another payout")
    void onePerPractitionerAndTrigger() {
        PayoutTrigger cycle = new PayoutTrigger.Cycle(LocalDate.of(2030, 3, 15));
        assertThat(stores.payouts().add(payout(anna, cycle, PayoutState.PLANNED))).isTrue();
        assertThat(stores.payouts().add(payout(anna, cycle, PayoutState.PLANNED))).isFalse();
        assertThat(stores.payouts().add(payout(ben, cycle, PayoutState.PLANNED))).isTrue();
        assertThat(stores.payouts().add(payout(anna, new PayoutTrigger.Request("req-1"), PayoutState.PLANNED))).isTrue();

        assertThat(stores.payouts().ofPractitioner(anna)).hasSize(2);
    }

    @Test
    @DisplayName("an update applies only from the expected state; payouts are listed by state")
    void conditionalUpdate() {
        Payout planned = payout(anna, new PayoutTrigger.Cycle(LocalDate.of(2030, 4, 1)), PayoutState.PLANNED);
        stores.payouts().add(planned);

        assertThat(stores.payouts().inState(PayoutState.PLANNED, 10)).containsExactly(planned);
        assertThat(stores.payouts().update(planned.sent("po_1", hours(2)), PayoutState.PLANNED)).isTrue();
        assertThat(stores.payouts().update(planned.failed("refused", hours(3)), PayoutState.PLANNED)).isFalse();

        assertThat(stores.payouts().find(planned.id()).orElseThrow().state()).isEqualTo(PayoutState.SENT);
        assertThat(stores.payouts().find(planned.id()).orElseThrow().reference()).contains("po_1");
        assertThat(stores.payouts().inState(PayoutState.PLANNED, 10)).isEmpty();
    }

    @Test
    @DisplayName("PO-4 a payout destination is saved, replaced and read back")
    void destinations() {
        assertThat(stores.payoutAccounts().find(anna)).isEmpty();
        PayoutDestination bank = new PayoutDestination.BankAccount(
                new BankDetails("Anna Martin", new Iban("FR76 3000 6000 0112 3456 7890 189"), Optional.empty()));
        stores.payoutAccounts().save(anna, bank);
        assertThat(stores.payoutAccounts().find(anna)).contains(bank);

        PayoutDestination provider = new PayoutDestination.ProviderAccount("acct_123", true);
        stores.payoutAccounts().save(anna, provider);
        assertThat(stores.payoutAccounts().find(anna)).contains(provider);
        assertThat(stores.payoutAccounts().find(ben)).isEmpty();
    }
}
