package org.rendezvous.core;

import java.util.List;
import java.util.Optional;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Clients;
import org.rendezvous.core.practitioner.PractitionerId;

/** A practitioner's clients and their bookings (CLI-1), and the auto-fill of manual entry (BK-6). */
public final class ClientFile {

    private final Clients clientsStore;
    private final Bookings bookings;

    ClientFile(Clients clientsStore, Bookings bookings) {
        this.clientsStore = clientsStore;
        this.bookings = bookings;
    }

    /** The details on file for an e-mail, to fill in a booking the practitioner enters by hand (BK-6). */
    public Optional<ClientDetails> lookUp(PractitionerId practitioner, EmailAddress email) {
        return clientsStore.findByEmail(practitioner, email).map(Client::details);
    }

    public List<Client> clients(PractitionerId practitioner) {
        return clientsStore.of(practitioner);
    }

    public Optional<Client> client(PractitionerId practitioner, ClientId id) {
        return clientsStore.find(practitioner, id);
    }

    /** Every booking of a client with this practitioner, in any state. */
    public List<Booking> bookingsOf(PractitionerId practitioner, ClientId id) {
        return bookings.ofClient(practitioner, id);
    }
}
