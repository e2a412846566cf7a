package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.OperatorsContract;

/** The in-memory adapter passes the Operators contract. */
class InMemoryOperatorsTest extends OperatorsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    @Override
    protected Operators newOperators(Stores stores) {
        return InMemoryOperators.joining(stores.transactions());
    }
}
