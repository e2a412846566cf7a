package org.rendezvous.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rendezvous.core.JobReport;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/**
 * The payout cycle for many practitioners on PostgreSQL (issue 4, PO-1, PO-2): {@code practitioners}
 * practitioners each owed 57.00 before the cut-off, earned over {@code bookings} bookings (20 by default,
 * issue 15: one posting of 2.85 each), with a provider account ready; times one run of the cycle through the
 * façade with the sandbox payout gateway, then checks every one was paid once, with a statement line per booking.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.rendezvous.benchmarks.PayoutCycleRun [practitioners] [bookings]
 * </pre>
 */
public final class PayoutCycleRun {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate CYCLE = LocalDate.of(2026, 12, 15);

    private PayoutCycleRun() {
    }

    public static void main(String[] args) {
        int practitioners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        if (bookings < 1 || 5700 % bookings != 0) {
            throw new IllegalArgumentException("bookings: must divide 5700 (57.00 in cents), e.g. 1, 20 or 50");
        }
        Money each = Money.ofMinor(5700L / bookings, "EUR");
        try (BenchmarkDatabase database = BenchmarkDatabase.open(8)) {
            Stores stores = database.stores();
            Instant earned = CYCLE.minusDays(3).atStartOfDay(PARIS).toInstant();
            Rendezvous engine = Rendezvous.builder().stores(stores)
                    .clock(Clock.fixed(CYCLE.atTime(6, 0).atZone(PARIS).toInstant(), ZoneOffset.UTC)).build();
            long setupStarted = System.nanoTime();
            // Set-up in transactions of 200 practitioners each (registrations, destinations, postings): one commit
            // per 200, so that the set-up does not take longer than the cycle it prepares.
            for (int first = 0; first < practitioners; first += 200) {
                int from = first;
                int to = Math.min(practitioners, first + 200);
                stores.transactions().inTransaction(() -> {
                    for (int i = from; i < to; i++) {
                        PractitionerId id = engine.practitioners().register(RegisterPractitionerCommand.of(
                                "Practitioner " + i, "p" + i + "@example.org", PARIS)).id();
                        engine.payouts().setDestination(id, new PayoutDestination.ProviderAccount("acct_" + i, true));
                        for (int b = 0; b < bookings; b++) {
                            stores.ledger().post(new Posting(new PostingId(UUID.randomUUID()), id, Optional.empty(),
                                    Optional.empty(), PostingKind.EARNINGS_RELEASED, "bench-earning-" + id + "-" + b,
                                    List.of(new Leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, each)),
                                    earned.plusSeconds(60L * b)));
                        }
                    }
                    return null;
                });
            }
            System.out.printf("database: %s%nsetup: %d practitioners, %d bookings each, in %.1f s%n", database.description,
                    practitioners, bookings,
                    (System.nanoTime() - setupStarted) / 1e9);

            long started = System.nanoTime();
            JobReport report = engine.payouts().runCycle(CYCLE);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("cycle %s: %s in %.2f s (%.0f practitioners per second)%n", CYCLE, report, seconds,
                    practitioners / seconds);

            JobReport again = engine.payouts().runCycle(CYCLE);
            System.out.printf("second run of the same cycle (PO-2): %s%n", again);
            Money totalPaid = engine.payments().platformTotals(java.util.Currency.getInstance("EUR")).of(Account.PAYOUTS);
            System.out.printf("paid out in all: %s (expected %s)%n", totalPaid, Money.ofMinor(5700L * practitioners, "EUR"));
            if (report.changed() != practitioners || again.changed() != 0
                    || totalPaid.minorUnits() != 5700L * practitioners) {
                throw new IllegalStateException("the cycle did not pay every practitioner exactly once");
            }
        }
    }
}
