package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.port.IdempotencyKeys;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link IdempotencyKeys} adapter must do (BK-8). */
public abstract class IdempotencyKeysContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected IdempotencyKeys keys;
    protected PractitionerId anna;
    protected PractitionerId bruno;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        keys = stores.idempotencyKeys();
        anna = fixtures.registerPractitioner(stores);
        bruno = fixtures.registerPractitioner(stores);
    }

    @Test
    @DisplayName("BK-8 a remembered success is found by its key with every field")
    void successRoundTrip() {
        IdempotencyRecord record = fixtures.succeeded(anna, "9f1c2e7a-key-1");

        keys.remember(record);

        assertThat(keys.find(anna, IdempotencyKey.of("9f1c2e7a-key-1"))).contains(record);
    }

    @Test
    @DisplayName("BK-8 a remembered refusal is found by its key with its reason and detail")
    void refusalRoundTrip() {
        IdempotencyRecord record = fixtures.refused(anna, "key-2");

        keys.remember(record);

        assertThat(keys.find(anna, IdempotencyKey.of("key-2"))).contains(record);
    }

    @Test
    @DisplayName("BK-8 a key never remembered finds nothing; keys are case-sensitive")
    void unknownKey() {
        keys.remember(fixtures.succeeded(anna, "key-1"));

        assertThat(keys.find(anna, IdempotencyKey.of("key-2"))).isEmpty();
        assertThat(keys.find(anna, IdempotencyKey.of("KEY-1"))).isEmpty();
    }

    @Test
    @DisplayName("BK-8 keys are scoped to a practitioner's agenda: the same key elsewhere is another key")
    void scopedPerPractitioner() {
        IdempotencyRecord annas = fixtures.succeeded(anna, "shared-key");

        keys.remember(annas);

        assertThat(keys.find(bruno, IdempotencyKey.of("shared-key"))).isEmpty();
        IdempotencyRecord brunos = fixtures.refused(bruno, "shared-key");
        keys.remember(brunos);
        assertThat(keys.find(anna, IdempotencyKey.of("shared-key"))).contains(annas);
        assertThat(keys.find(bruno, IdempotencyKey.of("shared-key"))).contains(brunos);
    }

    @Test
    @DisplayName("BK-8 a second record for the same practitioner and key is refused with an exception; the first stays")
    void rememberingTwiceThrows() {
        IdempotencyRecord first = fixtures.succeeded(anna, "key-1");
        keys.remember(first);
        IdempotencyRecord second = fixtures.refused(anna, "key-1");

        assertThatThrownBy(() -> keys.remember(second)).isInstanceOf(RuntimeException.class);

        assertThat(keys.find(anna, IdempotencyKey.of("key-1"))).contains(first);
    }
}
