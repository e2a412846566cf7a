package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.DayOfWeek;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceContent;
import org.rendezvous.core.invoice.InvoiceKind;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.invoice.InvoiceNumber;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.contract.InvoiceFixtures;
import org.rendezvous.core.practitioner.InvoicingProfile;

/** Invoices as the practitioner makes them (INV-1) and the free plan's invoice quota (PLAN-2). */
class InvoicingTest {

    private static Scenario withIdentity(Scenario s) {
        accepted(s.engine.invoices().saveIdentity(s.anna, InvoiceFixtures.exemptIdentity(),
                InvoicingProfile.AutoIssue.NEVER));
        return s;
    }

    @Test
    @DisplayName("INV-1 a booking's draft is prefilled: the client, the activity and its date, what was paid, the service date")
    void prefilledFromBooking() {
        Scenario s = withIdentity(Scenario.create());
        Booking booking = s.book(s.at(DayOfWeek.TUESDAY, 9));
        Invoice draft = accepted(s.engine.invoices().draftFromBooking(s.anna, booking.id()));
        InvoiceContent content = draft.content();
        assertThat(content.buyer().name()).isEqualTo(booking.client().name().value());
        assertThat(content.buyer().email()).contains(booking.client().email());
        assertThat(content.lines()).hasSize(1);
        assertThat(content.lines().get(0).description()).startsWith("Shiatsu — " + s.date(DayOfWeek.TUESDAY));
        assertThat(content.lines().get(0).unitPrice()).isEqualTo(Scenario.PRICE);
        assertThat(content.serviceDate()).isEqualTo(s.date(DayOfWeek.TUESDAY));
        assertThat(content.booking()).contains(booking.id());
        assertThat(draft.number()).as("only issuing numbers").isEmpty();
    }

    @Test
    @DisplayName("INV-1 issuing numbers 2025-0001, 2025-0002…; an issued invoice is neither edited nor deleted; a credit note takes the next number and refers to it")
    void issueAndCredit() {
        Scenario s = withIdentity(Scenario.create());
        Invoice first = accepted(s.engine.invoices().draft(s.anna, InvoiceFixtures.content()));
        Invoice second = accepted(s.engine.invoices().draft(s.anna, InvoiceFixtures.content()));
        Invoice issued = accepted(s.engine.invoices().issue(s.anna, second.id()));
        assertThat(issued.number()).contains(new InvoiceNumber(2025, 1));
        assertThat(issued.issue().orElseThrow().seller()).isEqualTo(InvoiceFixtures.exemptIdentity());
        assertThat(issued.issue().orElseThrow().dueDate()).isEqualTo(issued.issue().orElseThrow().issueDate().plusDays(30));
        assertThat(accepted(s.engine.invoices().issue(s.anna, first.id())).number()).contains(new InvoiceNumber(2025, 2));

        assertThat(rejected(s.engine.invoices().edit(s.anna, issued.id(), InvoiceFixtures.content())).reason())
                .isEqualTo(Reason.INVOICE_ISSUED);
        assertThat(rejected(s.engine.invoices().delete(s.anna, issued.id())).reason()).isEqualTo(Reason.INVOICE_ISSUED);
        assertThat(rejected(s.engine.invoices().issue(s.anna, issued.id())).reason()).isEqualTo(Reason.INVOICE_ISSUED);

        Invoice note = accepted(s.engine.invoices().creditNote(s.anna, issued.id()));
        assertThat(note.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(note.number()).contains(new InvoiceNumber(2025, 3));
        assertThat(note.credited()).contains(issued.id());
        assertThat(note.issue().orElseThrow().creditedNumber()).isEqualTo(issued.number());
        assertThat(note.totals()).isEqualTo(issued.totals());
        assertThat(rejected(s.engine.invoices().creditNote(s.anna, issued.id())).reason())
                .isEqualTo(Reason.ALREADY_CREDITED);
        assertThat(s.engine.invoices().find(s.anna, issued.id())).contains(issued);
    }

    @Test
    @DisplayName("INV-1 drafts may be edited and deleted; a deleted draft never took a number")
    void draftsEditAndDelete() {
        Scenario s = withIdentity(Scenario.create());
        Invoice draft = accepted(s.engine.invoices().draft(s.anna, InvoiceFixtures.content()));
        InvoiceContent changed = new InvoiceContent(draft.content().buyer(),
                List.of(InvoiceLine.of("Deux séances", "2", InvoiceFixtures.eur("55.00"), Percent.ZERO)),
                draft.content().serviceDate(), Language.ENGLISH, Optional.empty());
        Invoice edited = accepted(s.engine.invoices().edit(s.anna, draft.id(), changed));
        assertThat(edited.totals().gross()).isEqualTo(InvoiceFixtures.eur("110.00"));
        accepted(s.engine.invoices().delete(s.anna, draft.id()));
        assertThat(s.engine.invoices().find(s.anna, draft.id())).isEmpty();
        Invoice next = accepted(s.engine.invoices().draft(s.anna, InvoiceFixtures.content()));
        assertThat(accepted(s.engine.invoices().issue(s.anna, next.id())).number()).contains(new InvoiceNumber(2025, 1));
    }

    @Test
    @DisplayName("INV-1 without a legal identity nothing is issued; with VAT exempt a line with VAT is refused, naming the line, and takes no number")
    void refusals() {
        Scenario s = Scenario.create();
        Invoice draft = accepted(s.engine.invoices().draft(s.anna, InvoiceFixtures.content()));
        assertThat(rejected(s.engine.invoices().issue(s.anna, draft.id())).reason()).isEqualTo(Reason.LEGAL_IDENTITY_MISSING);
        withIdentity(s);
        Invoice withVat = accepted(s.engine.invoices().draft(s.anna, new InvoiceContent(draft.content().buyer(),
                List.of(InvoiceLine.of("Séance", "1", InvoiceFixtures.eur("50.00"), Percent.of(20))),
                draft.content().serviceDate(), Language.FRENCH, Optional.empty())));
        var refused = rejected(s.engine.invoices().issue(s.anna, withVat.id()));
        assertThat(refused.detail()).startsWith("lines[0].vatRate:");
        assertThat(accepted(s.engine.invoices().issue(s.anna, draft.id())).number()).contains(new InvoiceNumber(2025, 1));
    }

    @Test
    @DisplayName("PLAN-2 on the free plan the 10th invoice of the month is issued and the 11th refused; drafts and credit notes do not count")
    void tenInvoicesAMonth() {
        Scenario s = withIdentity(Scenario.builder().model(CommercialModel.DIRECT_CONNECT)
                .registeredBefore(Period.ofMonths(3)).build());
        Invoice firstIssued = null;
        for (int n = 0; n < 10; n++) {
            Invoice draft = accepted(s.engine.invoices().draft(s.anna, InvoiceFixtures.content()));
            Invoice issued = accepted(s.engine.invoices().issue(s.anna, draft.id()));
            firstIssued = firstIssued == null ? issued : firstIssued;
        }
        Invoice eleventh = accepted(s.engine.invoices().draft(s.anna, InvoiceFixtures.content()));
        var refused = rejected(s.engine.invoices().issue(s.anna, eleventh.id()));
        assertThat(refused.reason()).isEqualTo(Reason.QUOTA_REACHED);
        assertThat(refused.detail()).contains("10 invoices a month");
        assertThat(accepted(s.engine.invoices().creditNote(s.anna, firstIssued.id())).number())
                .as("a correction is never refused").contains(new InvoiceNumber(2025, 11));

        s.setClock(s.now().plus(java.time.Duration.ofDays(31)));
        assertThat(accepted(s.engine.invoices().issue(s.anna, eleventh.id())).number())
                .contains(new InvoiceNumber(2025, 12));
    }

    @Test
    @DisplayName("INV-1 automatic issue when paid: a prepaid booking is invoiced once confirmed; one refunded by a cancellation never is")
    void automaticIssueWhenPaid() {
        Scenario s = Scenario.create();
        accepted(s.engine.invoices().saveIdentity(s.anna, InvoiceFixtures.exemptIdentity(),
                InvoicingProfile.AutoIssue.WHEN_PAID));
        Booking kept = s.bookPrepaidConfirmed(s.at(DayOfWeek.THURSDAY, 10));
        Booking cancelled = s.bookPrepaidConfirmed(s.at(DayOfWeek.FRIDAY, 10));
        accepted(s.engine.bookings().cancelByPractitioner(
                new org.rendezvous.core.booking.CancelByPractitionerCommand(s.anna, cancelled.id(), s.key())));
        s.setClock(s.at(DayOfWeek.FRIDAY, 12)); // the job looks at bookings whose start has passed

        assertThat(s.engine.invoices().issueAutomatically().changed()).isEqualTo(1);
        List<Invoice> invoices = s.engine.invoices().list(s.anna, 10);
        assertThat(invoices).singleElement().satisfies(i -> assertThat(i.content().booking()).contains(kept.id()));
    }

    @Test
    @DisplayName("INV-1 automatic issue when completed: the job invoices each completed booking once, and none for a practitioner who did not choose it")
    void automaticIssueWhenCompleted() {
        Scenario s = Scenario.create();
        accepted(s.engine.invoices().saveIdentity(s.anna, InvoiceFixtures.exemptIdentity(),
                InvoicingProfile.AutoIssue.WHEN_COMPLETED));
        Booking booking = s.book(s.at(DayOfWeek.TUESDAY, 9));
        s.confirm(booking);
        assertThat(s.engine.invoices().issueAutomatically().changed()).as("not completed yet").isZero();
        s.setClock(s.at(DayOfWeek.TUESDAY, 11));
        s.engine.jobs().completeEnded();

        assertThat(s.engine.invoices().issueAutomatically().changed()).isEqualTo(1);
        assertThat(s.engine.invoices().issueAutomatically().examined()).as("never twice").isZero();
        List<Invoice> invoices = s.engine.invoices().list(s.anna, 10);
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).number()).contains(new InvoiceNumber(2025, 1));
        assertThat(invoices.get(0).content().booking()).contains(booking.id());
    }
}
