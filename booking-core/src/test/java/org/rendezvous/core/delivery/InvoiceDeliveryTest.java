package org.rendezvous.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.invoice.Buyer;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceContent;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.InvoiceFixtures;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.testing.MutableClock;

/** INV-1: an issued invoice reaches its buyer by e-mail with its PDF, once per issue or request to send again. */
class InvoiceDeliveryTest {

    private final MutableClock clock = MutableClock.at("2030-03-04T09:00:00Z");
    private final Stores stores = InMemoryStores.create();
    private final Rendezvous engine = Rendezvous.builder().stores(stores).clock(clock)
            .invoiceDocuments((invoice, profile) -> ("%PDF-fake " + invoice.number().orElseThrow())
                    .getBytes(StandardCharsets.US_ASCII))
            .build();
    private final List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());
    private final OutboxDispatcher dispatcher = new OutboxDispatcher(stores, message -> {
        sent.add(message);
        return new SendResult.Sent("ok-" + message.id());
    }, clock, DeliverySettings.of("invoices"), RandomGenerator.getDefault(), engine.invoices().attachments());

    @Test
    @DisplayName("INV-1 issuing e-mails the buyer once with the PDF attached; sending again sends it again; a buyer without e-mail gets nothing")
    void issuedInvoiceIsMailedWithItsPdf() {
        PractitionerId anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna Martin",
                "anna@example.org", ZoneId.of("Europe/Paris"))).id();
        engine.invoices().saveIdentity(anna, InvoiceFixtures.exemptIdentity(), InvoicingProfile.AutoIssue.NEVER).orElseThrow();
        Invoice draft = engine.invoices().draft(anna, InvoiceFixtures.content()).orElseThrow();
        Invoice issued = engine.invoices().issue(anna, draft.id()).orElseThrow();

        dispatcher.deliverDue();
        assertThat(sent).hasSize(1);
        OutgoingMessage mail = sent.get(0);
        assertThat(mail.kind()).isEqualTo(MessageKind.INVOICE_ISSUED);
        assertThat(mail.to().email().value()).isEqualTo("claire@example.org");
        assertThat(mail.to().name().value()).isEqualTo("Claire Dubois");
        assertThat(mail.parameters()).containsEntry("number", "2030-0001");
        assertThat(mail.attachments()).hasSize(1);
        assertThat(mail.attachments().get(0).fileName()).isEqualTo("invoice-2030-0001.pdf");
        assertThat(mail.attachments().get(0).mediaType()).isEqualTo("application/pdf");
        assertThat(new String(mail.attachments().get(0).bytes(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-fake 2030-0001");
        assertThat(dispatcher.deliverDue().claimed()).as("delivered once").isZero();

        engine.invoices().send(anna, issued.id()).orElseThrow();
        dispatcher.deliverDue();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).id()).isNotEqualTo(mail.id());

        InvoiceContent noEmail = new InvoiceContent(new Buyer("Paul", Optional.empty(), Optional.empty(), false),
                InvoiceFixtures.content().lines(), InvoiceFixtures.content().serviceDate(),
                InvoiceFixtures.content().language(), Optional.empty());
        Invoice paul = engine.invoices().draft(anna, noEmail).orElseThrow();
        engine.invoices().issue(anna, paul.id()).orElseThrow();
        assertThat(dispatcher.deliverDue().claimed()).isZero();
        assertThat(engine.invoices().send(anna, paul.id()).isAccepted()).isFalse();
    }
}
