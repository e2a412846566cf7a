package org.rendezvous.core.port.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.invoice.Buyer;
import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.invoice.InvoiceContent;
import org.rendezvous.core.invoice.InvoiceId;
import org.rendezvous.core.invoice.InvoiceLine;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.practitioner.InvoiceImage;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.PaymentTerms;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.Siret;
import org.rendezvous.core.practitioner.VatStatus;

/** Test data for invoicing: identities, images, contents and drafts that every adapter test can reuse. */
public final class InvoiceFixtures {

    /** A SIRET with a valid Luhn checksum. */
    public static final String SIRET = "73282932000074";
    /** The smallest valid PNG: one transparent pixel. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private InvoiceFixtures() {
    }

    /** Anna Martin EI, shiatsu practitioner in Lyon, exempt from VAT (franchise), invoices due in 30 days. */
    public static LegalIdentity exemptIdentity() {
        return new LegalIdentity("Anna Martin", true, "12 rue des Lilas", "69003", "Lyon", "FR",
                Optional.of(Siret.of(SIRET)), Optional.empty(), new VatStatus.Exempt(VatStatus.FRANCHISE),
                new PaymentTerms(30, Optional.of("Virement : FR76 3000 6000 0112 3456 7890 189")));
    }

    /** The same, liable to VAT at 20 %. */
    public static LegalIdentity liableIdentity() {
        return new LegalIdentity("Anna Martin", true, "12 rue des Lilas", "69003", "Lyon", "FR",
                Optional.of(Siret.of(SIRET)), Optional.of("FR40732829320"), new VatStatus.Liable(Percent.of(20)),
                PaymentTerms.onReceipt());
    }

    public static InvoicingProfile profile(PractitionerId practitioner, LegalIdentity identity) {
        InvoiceImage image = InvoiceImage.of("logo", PNG);
        return new InvoicingProfile(practitioner, identity, InvoicingProfile.AutoIssue.NEVER, Optional.of(image),
                Optional.of(InvoiceImage.of("signature", PNG)));
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** One shiatsu session at 60.00 with no VAT, for Claire Dubois, in French. */
    public static InvoiceContent content() {
        return content(Optional.empty());
    }

    public static InvoiceContent content(Optional<BookingId> booking) {
        return new InvoiceContent(Buyer.individual("Claire Dubois", "claire@example.org"),
                List.of(InvoiceLine.of("Séance de shiatsu", "1", eur("60.00"), Percent.ZERO)),
                LocalDate.of(2030, 3, 4), Language.FRENCH, booking);
    }

    public static Invoice draft(PractitionerId practitioner) {
        return draft(practitioner, content(), Instant.parse("2030-03-04T10:00:00Z"));
    }

    public static Invoice draft(PractitionerId practitioner, InvoiceContent content, Instant createdAt) {
        return Invoice.draft(new InvoiceId(UUID.randomUUID()), practitioner, content, createdAt);
    }
}
