package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.InvoicingProfiles;
import org.rendezvous.core.port.contract.InvoicingProfilesContract;

class InMemoryInvoicingProfilesTest extends InvoicingProfilesContract {

    @Override
    protected InvoicingProfiles newProfiles() {
        return new InMemoryInvoicingProfiles(new InMemoryTransactions());
    }
}
