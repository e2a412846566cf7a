package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.OperatorActionsContract;

/** The in-memory adapter passes the OperatorActions (audit log) contract. */
class InMemoryOperatorActionsTest extends OperatorActionsContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }

    @Override
    protected OperatorActions newActions(Stores stores) {
        return InMemoryOperatorActions.joining(stores.transactions());
    }
}
