package org.rendezvous.core.port;

import java.util.Objects;

/**
 * The stores of invoicing and revenue (INV-1, INV-2), kept apart from {@link Stores} as accounts are;
 * they must share the engine's {@link Transactions}.
 */
public record InvoiceStores(InvoicingProfiles profiles, Invoices invoices, OnSitePayments onSitePayments) {
    public InvoiceStores {
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(invoices, "invoices");
        Objects.requireNonNull(onSitePayments, "onSitePayments");
    }
}
