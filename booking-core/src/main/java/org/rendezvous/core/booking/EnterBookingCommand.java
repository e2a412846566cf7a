package org.rendezvous.core.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioner enters a booking by hand (BK-6). An e-mail already in their client file fills in
 * the client's details; the optional fields, when given, replace what the file says.
 */
public record EnterBookingCommand(PractitionerId practitionerId, ActivityId activityId, Instant start,
                                  ConsultationMode mode, EmailAddress email, Optional<PersonName> name,
                                  Optional<PhoneNumber> phone, Optional<Language> language,
                                  SortedMap<String, String> answers, IdempotencyKey idempotencyKey) {
    public EnterBookingCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
        answers = new TreeMap<>(Objects.requireNonNull(answers, "answers"));
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public String fingerprint() {
        return Fingerprint.of(practitionerId, activityId, start, mode, email, name, phone, language, answers);
    }
}
