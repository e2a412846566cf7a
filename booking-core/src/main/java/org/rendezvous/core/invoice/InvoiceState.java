package org.rendezvous.core.invoice;

/** A draft may be edited and deleted and has no number; an issued invoice has one and never changes. */
public enum InvoiceState {
    DRAFT,
    ISSUED
}
