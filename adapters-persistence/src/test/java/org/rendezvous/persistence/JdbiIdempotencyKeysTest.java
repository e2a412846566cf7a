package org.rendezvous.persistence;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.IdempotencyKeysContract;

/** The PostgreSQL adapter passes the IdempotencyKeys contract of booking-core, unchanged. */
class JdbiIdempotencyKeysTest extends IdempotencyKeysContract {

    @Override
    protected Stores newStores() {
        return TestDatabase.freshStores();
    }
}
