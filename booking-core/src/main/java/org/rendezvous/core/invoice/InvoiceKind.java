package org.rendezvous.core.invoice;

/** An invoice, or a credit note (avoir) that cancels an issued one, numbered in the same sequence. */
public enum InvoiceKind {
    INVOICE,
    CREDIT_NOTE
}
