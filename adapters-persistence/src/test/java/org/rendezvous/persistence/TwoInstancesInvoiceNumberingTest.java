package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.InvoiceFixtures;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;

/**
 * INV-1 on a real database: two engines, each on its own connection pool (two application instances
 * on one database), issue 32 drafts of one practitioner from 32 threads released at once, while 8 more
 * threads make and delete drafts. The year's numbers are then exactly 1 to 32: no gap, no duplicate.
 */
class TwoInstancesInvoiceNumberingTest {

    private static final int ISSUES = 32;

    @Test
    @DisplayName("INV-1 32 concurrent issues on two instances take numbers 2030-0001 to 2030-0032, each once")
    void noGapNoDuplicate() throws Exception {
        TestDatabase.freshStores();
        MutableClock clock = new MutableClock(Instant.parse("2030-03-04T09:00:00Z"));
        Rendezvous first = engine(PostgresStores.open(TestDatabase.newPool(12, "invoices-1")), clock);
        Rendezvous second = engine(PostgresStores.open(TestDatabase.newPool(12, "invoices-2")), clock);
        PractitionerId anna = first.practitioners().register(RegisterPractitionerCommand.of("Anna Martin",
                "anna@example.org", ZoneId.of("Europe/Paris"))).id();
        first.invoices().saveIdentity(anna, InvoiceFixtures.exemptIdentity(), InvoicingProfile.AutoIssue.NEVER)
                .orElseThrow();
        List<InvoiceId> drafts = new ArrayList<>();
        for (int i = 0; i < ISSUES; i++) {
            drafts.add(first.invoices().draft(anna, InvoiceFixtures.content()).orElseThrow().id());
        }

        ExecutorService pool = Executors.newFixedThreadPool(ISSUES + 8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome<Invoice>>> issues = new ArrayList<>();
            for (int i = 0; i < ISSUES; i++) {
                Rendezvous instance = i % 2 == 0 ? first : second;
                InvoiceId draft = drafts.get(i);
                issues.add(pool.submit(() -> {
                    start.await();
                    return instance.invoices().issue(anna, draft);
                }));
            }
            List<Future<?>> noise = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Rendezvous instance = i % 2 == 0 ? second : first;
                noise.add(pool.submit(() -> {
                    start.await();
                    Invoice draft = instance.invoices().draft(anna, InvoiceFixtures.content()).orElseThrow();
                    instance.invoices().delete(anna, draft.id()).orElseThrow();
                    return null;
                }));
            }
            start.countDown();
            List<Integer> sequences = new ArrayList<>();
            for (Future<Outcome<Invoice>> issue : issues) {
                Invoice issued = issue.get(120, TimeUnit.SECONDS).orElseThrow();
                sequences.add(issued.number().orElseThrow().sequence());
                assertThat(issued.number().orElseThrow().year()).isEqualTo(2030);
            }
            for (Future<?> n : noise) {
                n.get(120, TimeUnit.SECONDS);
            }
            assertThat(sequences).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ISSUES).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        List<Integer> stored = second.invoices().list(anna, 100).stream().map(i -> i.number().orElseThrow().sequence())
                .sorted().toList();
        assertThat(stored).isEqualTo(IntStream.rangeClosed(1, ISSUES).boxed().toList());
    }

    private static Rendezvous engine(Stores stores, MutableClock clock) {
        return Rendezvous.builder().stores(stores).invoiceStores(PostgresStores.invoices(stores)).clock(clock).build();
    }
}
