package org.rendezvous.core.inmemory;

import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.IdempotencyKeysContract;

/** The in-memory adapter passes the IdempotencyKeys contract. */
class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
