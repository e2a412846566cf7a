package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.InvoiceStores;
import org.rendezvous.core.port.Transactions;

/** Invoicing stores in memory, joined to the transactions of {@link InMemoryStores}. */
public final class InMemoryInvoiceStores {

    private InMemoryInvoiceStores() {
    }

    /**
     * Stores that join {@code transactions} when they are in-memory ones (a rolled-back issue gives its
     * number back); beside other transactions they keep their writes whatever happens, so use them there
     * for demos only.
     */
    public static InvoiceStores joining(Transactions transactions) {
        InMemoryTransactions inMemory = transactions instanceof InMemoryTransactions t ? t : new InMemoryTransactions();
        return new InvoiceStores(new InMemoryInvoicingProfiles(inMemory), new InMemoryInvoices(inMemory),
                new InMemoryOnSitePayments(inMemory));
    }
}
