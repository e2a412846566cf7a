package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Invoices;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.port.contract.InvoicesContract;

class InMemoryInvoicesTest extends InvoicesContract {

    private InMemoryTransactions transactions;

    @Override
    protected Invoices newInvoices() {
        transactions = new InMemoryTransactions();
        return new InMemoryInvoices(transactions);
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
