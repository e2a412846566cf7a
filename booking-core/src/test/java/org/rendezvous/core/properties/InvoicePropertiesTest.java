package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.invoice.Buyer;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceContent;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.invoice.InvoiceTotals;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.port.contract.InvoiceFixtures;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;

/** INV-1: totals add up line by line and rate by rate; numbering never skips nor repeats, whatever is done. */
class InvoicePropertiesTest {

    private static final List<Percent> RATES = List.of(Percent.ZERO, Percent.ofBasisPoints(550), Percent.of(10),
            Percent.of(20), Percent.ofBasisPoints(210));

    private static Gen<List<InvoiceLine>> lines() {
        return in -> {
            int count = Draw.between(in, 1, 12);
            List<InvoiceLine> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                BigDecimal quantity = BigDecimal.valueOf(Draw.longBetween(in, 1, 100_00), 2);
                Money unit = Money.ofMinor(Draw.longBetween(in, 0, 5_000_00), "EUR");
                lines.add(new InvoiceLine("Line " + i, quantity, unit, Draw.oneOf(in, RATES)));
            }
            return lines;
        };
    }

    @Test
    @DisplayName("INV-1 net is the sum of the lines (each rounded half-up), VAT per rate is its base times the rate rounded half-up (FEE-1), gross is net plus VAT")
    void totalsAddUp() {
        qt().withExamples(2_000).forAll(lines()).checkAssert(lines -> {
            InvoiceTotals totals = InvoiceTotals.of(lines, java.util.Currency.getInstance("EUR"));
            long net = 0;
            for (InvoiceLine line : lines) {
                long exact = line.quantity().multiply(BigDecimal.valueOf(line.unitPrice().minorUnits()))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                assertThat(line.net().minorUnits()).isEqualTo(exact);
                net += exact;
            }
            assertThat(totals.net().minorUnits()).isEqualTo(net);
            long vat = 0;
            long bases = 0;
            for (InvoiceTotals.VatAmount amount : totals.vat()) {
                long base = lines.stream().filter(l -> l.vatRate().equals(amount.rate()))
                        .mapToLong(l -> l.net().minorUnits()).sum();
                assertThat(amount.base().minorUnits()).isEqualTo(base);
                long tax = BigDecimal.valueOf(base).multiply(BigDecimal.valueOf(amount.rate().basisPoints()))
                        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
                assertThat(amount.tax().minorUnits()).isEqualTo(tax);
                vat += tax;
                bases += base;
            }
            assertThat(bases).isEqualTo(net);
            assertThat(totals.vatTotal().minorUnits()).isEqualTo(vat);
            assertThat(totals.gross().minorUnits()).isEqualTo(net + vat);
        });
    }

    private enum Step { DRAFT, EDIT, DELETE, ISSUE, CREDIT, NEW_YEAR }

    private static Gen<List<Step>> steps() {
        return in -> {
            int count = Draw.between(in, 1, 40);
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                steps.add(Step.values()[Draw.weighted(in, 30, 10, 10, 35, 10, 5)]);
            }
            return steps;
        };
    }

    @Test
    @DisplayName("INV-1 under any sequence of drafts, edits, deletions, issues, credit notes and new years, each year's numbers are 1..n with no gap and no repeat")
    void numberingHasNoGap() {
        qt().withExamples(200).forAll(steps(), org.quicktheories.generators.SourceDSL.integers().between(0, 1000))
                .checkAssert((steps, seed) -> {
                    MutableClock clock = new MutableClock(Instant.parse("2030-06-01T10:00:00Z"));
                    Rendezvous engine = Rendezvous.builder().clock(clock).build();
                    PractitionerId anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna Martin",
                            "anna@example.org", java.time.ZoneId.of("Europe/Paris"))).id();
                    engine.invoices().saveIdentity(anna, InvoiceFixtures.exemptIdentity(),
                            InvoicingProfile.AutoIssue.NEVER).orElseThrow();
                    java.util.Random random = new java.util.Random(seed);
                    for (Step step : steps) {
                        List<Invoice> all = engine.invoices().list(anna, 1000);
                        List<Invoice> drafts = all.stream().filter(i -> !i.isIssued()).toList();
                        List<Invoice> issued = all.stream().filter(Invoice::isIssued).toList();
                        switch (step) {
                            case DRAFT -> engine.invoices().draft(anna, InvoiceFixtures.content()).orElseThrow();
                            case EDIT -> pick(drafts, random).ifPresent(d -> engine.invoices().edit(anna, d.id(),
                                    InvoiceFixtures.content()).orElseThrow());
                            case DELETE -> pick(drafts, random).ifPresent(d ->
                                    engine.invoices().delete(anna, d.id()).orElseThrow());
                            case ISSUE -> {
                                Optional<Invoice> any = pick(all, random);
                                // Issuing an issued one again is refused and must not take a number.
                                any.ifPresent(i -> assertThat(engine.invoices().issue(anna, i.id()).isAccepted())
                                        .isEqualTo(!i.isIssued()));
                            }
                            case CREDIT -> pick(issued, random).ifPresent(i -> engine.invoices().creditNote(anna, i.id()));
                            case NEW_YEAR -> clock.set(clock.instant().plus(java.time.Duration.ofDays(200)));
                        }
                    }
                    List<InvoiceNumber> numbers = engine.invoices().list(anna, 1000).stream()
                            .flatMap(i -> i.number().stream()).sorted().toList();
                    java.util.Map<Integer, List<Integer>> byYear = new java.util.TreeMap<>();
                    numbers.forEach(n -> byYear.computeIfAbsent(n.year(), y -> new ArrayList<>()).add(n.sequence()));
                    byYear.forEach((year, sequences) -> {
                        for (int i = 0; i < sequences.size(); i++) {
                            assertThat(sequences.get(i)).as("year %d, %s", year, sequences).isEqualTo(i + 1);
                        }
                    });
                });
    }

    private static <T> Optional<T> pick(List<T> items, java.util.Random random) {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(random.nextInt(items.size())));
    }
}
