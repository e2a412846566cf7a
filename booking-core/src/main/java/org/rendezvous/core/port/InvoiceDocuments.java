package org.rendezvous.core.port;

import org.rendezvous.core.invoice.Invoice;
import org.rendezvous.core.practitioner.InvoicingProfile;

/**
 * Turns an issued invoice into the document its client receives (INV-1): a PDF, in the invoice's
 * language, with its seller's legal mentions, logo and signature. Rendering is pure: the same invoice
 * and profile make the same document, and nothing is sent or stored.
 */
public interface InvoiceDocuments {

    /**
     * @param invoice an issued invoice or credit note
     * @param profile its practitioner's set-up, for the logo and signature (the legal identity printed
     *                is the one the invoice was issued under)
     * @return the document's bytes (application/pdf)
     */
    byte[] render(Invoice invoice, InvoicingProfile profile);
}
