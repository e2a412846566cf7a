package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.port.Clients;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Clients} adapter must do: each practitioner's client file (CLI-1). */
public abstract class ClientsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Clients clients;
    protected PractitionerId anna;
    protected PractitionerId bruno;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        clients = stores.clients();
        anna = fixtures.registerPractitioner(stores);
        bruno = fixtures.registerPractitioner(stores);
    }

    @Test
    @DisplayName("CLI-1 a client added is found by id with every field")
    void clientRoundTrip() {
        Client client = fixtures.client(anna);

        clients.add(client);

        assertThat(clients.find(anna, client.id())).contains(client);
    }

    @Test
    @DisplayName("a client is found only under their own practitioner")
    void clientOfAnotherPractitioner() {
        Client client = fixtures.addClient(stores, anna);

        assertThat(clients.find(bruno, client.id())).isEmpty();
        assertThat(clients.find(anna, fixtures.clientId())).isEmpty();
    }

    @Test
    @DisplayName("CLI-1 a client is found again by e-mail within their practitioner's file")
    void findByEmail() {
        Client client = fixtures.client(anna, "Chloe Durand", "chloe@example.net");
        clients.add(client);
        fixtures.addClient(stores, anna);

        assertThat(clients.findByEmail(anna, EmailAddress.of("chloe@example.net"))).contains(client);
        assertThat(clients.findByEmail(anna, EmailAddress.of("  Chloe@Example.NET "))).contains(client);
        assertThat(clients.findByEmail(anna, EmailAddress.of("nobody@example.net"))).isEmpty();
        assertThat(clients.findByEmail(bruno, EmailAddress.of("chloe@example.net"))).isEmpty();
    }

    @Test
    @DisplayName("CLI-1 the same e-mail at two practitioners is two clients, each in their own file")
    void sameEmailAtTwoPractitioners() {
        Client atAnna = fixtures.client(anna, "Chloe Durand", "chloe@example.net");
        Client atBruno = fixtures.client(bruno, "Chloé D.", "chloe@example.net");

        clients.add(atAnna);
        clients.add(atBruno);

        assertThat(clients.findByEmail(anna, EmailAddress.of("chloe@example.net"))).contains(atAnna);
        assertThat(clients.findByEmail(bruno, EmailAddress.of("chloe@example.net"))).contains(atBruno);
        assertThat(clients.of(anna)).containsExactly(atAnna);
        assertThat(clients.of(bruno)).containsExactly(atBruno);
    }

    @Test
    @DisplayName("CLI-1 a second client with the same e-mail at the same practitioner is refused with an exception")
    void oneClientPerPractitionerAndEmail() {
        Client first = fixtures.client(anna, "Chloe Durand", "chloe@example.net");
        clients.add(first);
        Client twin = fixtures.client(anna, "Someone Else", "chloe@example.net");

        assertThatThrownBy(() -> clients.add(twin)).isInstanceOf(RuntimeException.class);

        assertThat(clients.findByEmail(anna, EmailAddress.of("chloe@example.net"))).contains(first);
        assertThat(clients.of(anna)).containsExactly(first);
    }

    @Test
    @DisplayName("update replaces the client's details; createdAt is kept")
    void updateReplacesDetails() {
        Client client = fixtures.addClient(stores, anna);
        Client changed = client.withDetails(new ClientDetails(PersonName.of("Chloe Martin"),
                client.details().email(), PhoneNumber.of("+32470123456"), Language.FRENCH));

        clients.update(changed);

        assertThat(clients.find(anna, client.id())).contains(changed);
        assertThat(clients.findByEmail(anna, client.details().email())).contains(changed);
    }

    @Test
    @DisplayName("update to a new e-mail: the client is found by the new address and no longer by the old one")
    void updateEmail() {
        Client client = fixtures.client(anna, "Chloe Durand", "chloe@example.net");
        clients.add(client);
        Client moved = client.withDetails(new ClientDetails(client.details().name(),
                EmailAddress.of("chloe.durand@example.org"), client.details().phone(), client.details().language()));

        clients.update(moved);

        assertThat(clients.findByEmail(anna, EmailAddress.of("chloe.durand@example.org"))).contains(moved);
        assertThat(clients.findByEmail(anna, EmailAddress.of("chloe@example.net"))).isEmpty();
        assertThat(clients.of(anna)).containsExactly(moved);
    }

    @Test
    @DisplayName("CLI-1 a practitioner's clients are listed by name, and only theirs")
    void clientsByName() {
        Client bruno1 = fixtures.client(anna, "Bruno Petit", "bruno@example.net");
        Client chloe = fixtures.client(anna, "Chloe Durand", "chloe@example.net");
        Client alice = fixtures.client(anna, "Alice Martin", "alice@example.net");
        clients.add(bruno1);
        clients.add(chloe);
        clients.add(alice);
        fixtures.addClient(stores, bruno);

        assertThat(clients.of(anna)).containsExactly(alice, bruno1, chloe);
    }

    @Test
    @DisplayName("the list follows a renamed client to their new place")
    void renamedClientMovesInTheList() {
        Client alice = fixtures.client(anna, "Alice Martin", "alice@example.net");
        Client bruno1 = fixtures.client(anna, "Bruno Petit", "bruno@example.net");
        clients.add(alice);
        clients.add(bruno1);
        Client renamed = alice.withDetails(new ClientDetails(PersonName.of("Zoe Martin"), alice.details().email(),
                alice.details().phone(), alice.details().language()));

        clients.update(renamed);

        assertThat(clients.of(anna)).containsExactly(bruno1, renamed);
    }

    @Test
    @DisplayName("a practitioner without clients has an empty file")
    void noClients() {
        fixtures.addClient(stores, anna);

        assertThat(clients.of(bruno)).isEmpty();
    }

    @Test
    @DisplayName("CLI-1, issue 15: keep adds a new client, and for a known e-mail keeps the one on file with the new details")
    void keepAddsOrUpdatesByEmail() {
        Client first = fixtures.client(anna, "Chloe Durand", "chloe@example.net");

        assertThat(clients.keep(first)).isEqualTo(first);
        assertThat(clients.findByEmail(anna, EmailAddress.of("chloe@example.net"))).contains(first);

        Client again = fixtures.client(anna, "Chloé Durand", "chloe@example.net");
        Client kept = clients.keep(again);

        assertThat(kept.id()).isEqualTo(first.id());
        assertThat(kept.createdAt()).isEqualTo(first.createdAt());
        assertThat(kept.details()).isEqualTo(again.details());
        assertThat(clients.find(anna, first.id())).contains(kept);
        assertThat(clients.find(anna, again.id())).isEmpty();
        assertThat(clients.keep(kept)).isEqualTo(kept);
        assertThat(clients.findByEmail(bruno, EmailAddress.of("chloe@example.net"))).isEmpty();
    }

    @Test
    @DisplayName("CLI-2 the clients with an e-mail are found in every practitioner's file, oldest first, and no one else")
    void withEmailAcrossPractitioners() {
        Client atBruno = fixtures.client(bruno, "Chloe Durand", "chloe@example.net");
        Client atAnna = fixtures.client(anna, "Chloé D.", "chloe@example.net");
        Client older = new Client(atBruno.id(), bruno, atBruno.details(), atBruno.createdAt().minusSeconds(3600));
        clients.add(atAnna);
        clients.add(older);
        fixtures.addClient(stores, anna);

        assertThat(clients.withEmail(EmailAddress.of("Chloe@Example.net"))).containsExactly(older, atAnna);
        assertThat(clients.withEmail(EmailAddress.of("nobody@example.net"))).isEmpty();
    }
}
