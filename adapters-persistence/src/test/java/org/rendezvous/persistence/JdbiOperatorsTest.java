package org.rendezvous.persistence;

import org.rendezvous.core.port.Operators;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.OperatorsContract;

/** The PostgreSQL adapter passes the Operators contract of booking-core, unchanged. */
class JdbiOperatorsTest extends OperatorsContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }

    @Override
    protected Operators newOperators(Stores stores) {
        return PostgresStores.operators(stores);
    }
}
