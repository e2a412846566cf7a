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
            // Set-up through the engine and the stores (registration and destination as a practitioner makes them, the
            // earnings through Ledger.postAll: one batch per transaction), in transactions of 250 practitioners run by
            // four threads at once: a minute at most here instead of the hours one posting at a time would take.
            java.util.concurrent.ExecutorService setup = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
            for (int first = 0; first < practitioners; first += 250) {
                int from = first;
                int to = Math.min(practitioners, first + 250);
                parts.add(setup.submit(() -> stores.transactions().inTransaction(() -> {
                    List<Posting> earnings = new java.util.ArrayList<>();
                    for (int i = from; i < to; i++) {
                        PractitionerId id = engine.practitioners().register(RegisterPractitionerCommand.of(
                                "Practitioner " + i, "p" + i + "@example.org", PARIS)).id();
                        engine.payouts().setDestination(id, new PayoutDestination.ProviderAccount("acct_" + i, true));
                        for (int b = 0; b < bookings; b++) {
                            earnings.add(new Posting(new PostingId(UUID.randomUUID()), id, Optional.empty(),
                                    Optional.empty(), PostingKind.EARNINGS_RELEASED, "bench-earning-" + id + "-" + b,
                                    List.of(new Leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_PAYABLE, each)),
                                    earned.plusSeconds(60L * b)));
                        }
                    }
                    stores.ledger().postAll(earnings);
                    return null;
                })));
            }
            for (java.util.concurrent.Future<?> part : parts) {
                try {
                    part.get();
                } catch (Exception e) {
                    setup.shutdownNow();
                    throw new IllegalStateException("set-up failed", e);
                }
            }
            setup.shutdown();
            System.out.printf("database: %s%nsetup: %d practitioners, %d bookings each, in %.1f s%n", database.description,
                    practitioners, bookings,
                    (System.nanoTime() - setupStarted) / 1e9);
            // FEE-4 before timing: every posting balances (the accounts sum to zero) and the practitioners are owed
            // exactly what the set-up meant, so that the cycle below starts from the state the domain would have made.
            java.util.Currency eur = java.util.Currency.getInstance("EUR");
            org.rendezvous.core.ledger.Balances before = engine.payments().platformTotals(eur);
            long sum = 0;
            for (Account account : Account.values()) {
                sum += before.of(account).minorUnits();
            }
            if (sum != 0 || before.of(Account.PRACTITIONER_PAYABLE).minorUnits() != 5700L * practitioners) {
                throw new IllegalStateException("set-up: ledger identity broken or wrong payable total: " + before);
            }
            System.out.printf("ledger identity (FEE-4) before the cycle: accounts sum to 0, payable %s%n",
                    before.of(Account.PRACTITIONER_PAYABLE));

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
