package org.rendezvous.core.booking;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.Fingerprint;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A client books an activity at a start time, in a mode (BK-1). {@code payOnline} is the client's
 * choice where the practitioner makes online payment optional.
 */
public record BookCommand(PractitionerId practitionerId, ActivityId activityId, Instant start, ConsultationMode mode,
                          ClientDetails client, SortedMap<String, String> answers, boolean payOnline,
                          IdempotencyKey idempotencyKey) {
    public BookCommand {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(client, "client");
        answers = new TreeMap<>(Objects.requireNonNull(answers, "answers"));
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public static BookCommand of(PractitionerId practitionerId, ActivityId activityId, Instant start,
                                 ConsultationMode mode, ClientDetails client, Map<String, String> answers,
                                 IdempotencyKey key) {
        return new BookCommand(practitionerId, activityId, start, mode, client, new TreeMap<>(answers), false, key);
    }

    public String fingerprint() {
        return Fingerprint.of(practitionerId, activityId, start, mode, client, answers, payOnline);
    }
}
