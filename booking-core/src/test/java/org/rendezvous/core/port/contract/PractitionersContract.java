package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.Practitioner;

/** What every {@link Practitioners} adapter must do. */
public abstract class PractitionersContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Practitioners practitioners;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        practitioners = stores.practitioners();
    }

    @Test
    @DisplayName("a practitioner added is found by id with every field, phone included")
    void addedPractitionerIsFound() {
        Practitioner anna = fixtures.practitioner();

        practitioners.add(anna);

        assertThat(practitioners.find(anna.id())).contains(anna);
    }

    @Test
    @DisplayName("a practitioner without a phone number is found with an empty phone")
    void practitionerWithoutPhone() {
        Practitioner john = fixtures.practitionerWithoutPhone();

        practitioners.add(john);

        assertThat(practitioners.find(john.id())).contains(john);
        assertThat(practitioners.find(john.id()).orElseThrow().phone()).isEmpty();
    }

    @Test
    @DisplayName("an unknown practitioner is not found")
    void unknownPractitioner() {
        practitioners.add(fixtures.practitioner());

        assertThat(practitioners.find(fixtures.practitionerId())).isEmpty();
    }

    @Test
    @DisplayName("update replaces every changeable field; others are left alone")
    void updateReplaces() {
        Practitioner anna = fixtures.practitioner();
        Practitioner other = fixtures.practitioner();
        practitioners.add(anna);
        practitioners.add(other);
        Practitioner changed = new Practitioner(anna.id(), PersonName.of("Anna Martin-Durand"),
                EmailAddress.of("anna.durand@example.org"), Optional.empty(), Language.ENGLISH, anna.registeredAt());

        practitioners.update(changed);

        assertThat(practitioners.find(anna.id())).contains(changed);
        assertThat(practitioners.find(other.id())).contains(other);
    }

    @Test
    @DisplayName("update can give a phone number to a practitioner who had none")
    void updateAddsPhone() {
        Practitioner john = fixtures.practitionerWithoutPhone();
        practitioners.add(john);
        Practitioner withPhone = new Practitioner(john.id(), john.name(), john.email(),
                Optional.of(PhoneNumber.of("+447700900123")), john.language(), john.registeredAt());

        practitioners.update(withPhone);

        assertThat(practitioners.find(john.id())).contains(withPhone);
    }

    @Test
    @DisplayName("all practitioners for the operator area, by e-mail, at most the limit")
    void allByEmail() {
        Practitioner first = fixtures.practitioner();
        Practitioner second = fixtures.practitioner();
        practitioners.add(second);
        practitioners.add(first);

        java.util.List<Practitioner> all = practitioners.all(10);
        assertThat(all).containsExactlyInAnyOrder(first, second);
        assertThat(all.get(0).email().value()).isLessThanOrEqualTo(all.get(1).email().value());
        assertThat(practitioners.all(1)).hasSize(1);
    }
}
