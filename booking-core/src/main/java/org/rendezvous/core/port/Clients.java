package org.rendezvous.core.port;

import java.util.List;
import java.util.Optional;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.practitioner.PractitionerId;

/** Each practitioner's client file (CLI-1); one client per practitioner and e-mail address. */
public interface Clients {

    void add(Client client);

    void update(Client client);

    Optional<Client> find(PractitionerId practitioner, ClientId id);

    Optional<Client> findByEmail(PractitionerId practitioner, EmailAddress email);

    /**
     * The practitioner's client with the candidate's e-mail address, as the candidate describes them: the one
     * on file with its details brought up to the candidate's (its id and creation time kept), or the candidate
     * added. What a client's booking does with the details it brings (CLI-1); an adapter may do it in one step.
     */
    default Client keep(Client candidate) {
        Optional<Client> known = findByEmail(candidate.practitionerId(), candidate.details().email());
        if (known.isEmpty()) {
            add(candidate);
            return candidate;
        }
        if (known.get().details().equals(candidate.details())) {
            return known.get();
        }
        Client updated = known.get().withDetails(candidate.details());
        update(updated);
        return updated;
    }

    /** The practitioner's clients by name. */
    List<Client> of(PractitionerId practitioner);

    /** The clients with this e-mail in every practitioner's file (a client account's reach, CLI-2), oldest first. */
    List<Client> withEmail(EmailAddress email);
}
