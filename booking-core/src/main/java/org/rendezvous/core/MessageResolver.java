package org.rendezvous.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.notification.BookingDetails;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.Contact;
import org.rendezvous.core.notification.InvitationSnapshot;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.Reminder;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.Practitioner;

/**
 * Turns an outbox message into what a sender writes: reads the recipient, the practitioner's zone and
 * the booking as they are at delivery time, or says why the message should not go at all.
 */
final class MessageResolver {

    sealed interface Resolution {
    }

    record Ready(OutgoingMessage message) implements Resolution {
    }

    record Skip(String reason) implements Resolution {
    }

    private final Stores stores;

    private final org.rendezvous.core.port.MessageAttachments attachments;

    MessageResolver(Stores stores) {
        this(stores, org.rendezvous.core.port.MessageAttachments.NONE);
    }

    MessageResolver(Stores stores, org.rendezvous.core.port.MessageAttachments attachments) {
        this.stores = stores;
        this.attachments = attachments;
    }

    /**
     * What the messages of one delivery run read, each thing once: the messages an event wrote for each
     * recipient and channel (four for a booking) share one read of the practitioner, the agenda, the booking
     * and its activity instead of one read each (issue 15). Lives for one run only, so each run sees the
     * booking as it stands then.
     */
    final class Reads {
        private final java.util.Map<org.rendezvous.core.practitioner.PractitionerId, Optional<Practitioner>> practitioners =
                new java.util.HashMap<>();
        private final java.util.Map<org.rendezvous.core.practitioner.PractitionerId, AgendaSettings> settings =
                new java.util.HashMap<>();
        private final java.util.Map<org.rendezvous.core.booking.BookingId, Optional<Booking>> bookings =
                new java.util.HashMap<>();
        private final java.util.Map<java.util.List<Object>, String> activityNames = new java.util.HashMap<>();
        private final java.util.Map<org.rendezvous.core.practitioner.PractitionerId, java.util.List<Opening>> openings =
                new java.util.HashMap<>();

        Optional<Practitioner> practitioner(org.rendezvous.core.practitioner.PractitionerId id) {
            return practitioners.computeIfAbsent(id, stores.practitioners()::find);
        }

        AgendaSettings settings(org.rendezvous.core.practitioner.PractitionerId id) {
            return settings.computeIfAbsent(id, p -> stores.agendas().settings(p).orElseGet(AgendaSettings::defaults));
        }

        Optional<Booking> booking(org.rendezvous.core.booking.BookingId id) {
            return bookings.computeIfAbsent(id, stores.bookings()::find);
        }

        String activityName(Booking b) {
            return activityNames.computeIfAbsent(java.util.List.of(b.practitionerId(), b.activityId()),
                    k -> stores.agendas().activity(b.practitionerId(), b.activityId()).map(Activity::name).orElse("—"));
        }

        java.util.List<Opening> openings(org.rendezvous.core.practitioner.PractitionerId id) {
            return openings.computeIfAbsent(id, stores.agendas()::openings);
        }
    }

    /** Reads for one delivery run (see {@link Reads}). */
    Reads reads() {
        return new Reads();
    }

    Resolution resolve(OutboxMessage message, Instant now) {
        return resolve(message, now, reads());
    }

    Resolution resolve(OutboxMessage message, Instant now, Reads reads) {
        Optional<Practitioner> found = reads.practitioner(message.practitionerId());
        if (found.isEmpty()) {
            return new Skip("practitioner " + message.practitionerId() + " no longer exists");
        }
        Practitioner p = found.get();
        AgendaSettings settings = reads.settings(p.id());
        Contact practitioner = new Contact(p.name(), p.email(), p.phone(), p.language());
        Optional<Booking> booking = Optional.empty();
        if (message.bookingId().isPresent()) {
            booking = reads.booking(message.bookingId().get());
            if (booking.isEmpty()) {
                return new Skip("booking " + message.bookingId().get() + " no longer exists");
            }
        }
        Optional<String> stale = stale(message, booking, now);
        if (stale.isPresent()) {
            return new Skip(stale.get());
        }
        Optional<Contact> client = booking.map(b -> new Contact(b.client().name(), b.client().email(),
                Optional.of(b.client().phone()), b.client().language()));
        Contact to;
        if (message.kind() == MessageKind.INVOICE_ISSUED) {
            // INV-1: to the invoice's buyer, who may have no booking, with the PDF.
            Optional<Contact> buyer = InvoiceService.buyerOf(message);
            if (buyer.isEmpty()) {
                return new Skip("the invoice has no buyer e-mail address");
            }
            java.util.List<org.rendezvous.core.notification.Attachment> files = attachments.attachmentsFor(message);
            if (files.isEmpty()) {
                return new Skip("the invoice's document is not available");
            }
            return new Ready(new OutgoingMessage(message.id(), message.causeKey(), message.kind(), message.channel(),
                    message.recipient(), buyer.get(), practitioner, settings.zone(),
                    booking.map(b -> details(b, settings, reads)), buyer, message.parameters(), files));
        }
        if (message.recipient() == Recipient.PRACTITIONER) {
            to = practitioner;
        } else if (client.isPresent()) {
            to = client.get();
        } else {
            return new Skip("a message to a client needs a booking");
        }
        if (message.channel() == Channel.SMS && to.phone().isEmpty()) {
            return new Skip("no phone number to send an SMS to");
        }
        // CAL-1: a confirmation's invitation is the booking as the event left it, rebuilt from its history (issue 14);
        // the message then speaks of that booking too (its time, CONFIRMED), so that its text and invitation agree.
        Map<String, String> snapshot = booking.map(b -> InvitationSnapshot.of(message.kind(), message.causeKey(), b,
                message.createdAt())).orElse(Map.of());
        SortedMap<String, String> parameters = new TreeMap<>(message.parameters());
        parameters.putAll(snapshot);
        Optional<BookingDetails> details = booking.map(b -> snapshot.isEmpty() ? details(b, settings, reads)
                : asConfirmed(b, snapshot, settings, reads));
        return new Ready(new OutgoingMessage(message.id(), message.causeKey(), message.kind(), message.channel(),
                message.recipient(), to, practitioner, settings.zone(), details, client, parameters));
    }

    /**
     * Messages that only make sense while the booking is as it was when they were written: a reminder
     * (still CONFIRMED, at the start it was planned for, not begun), the practitioner's reminder of an
     * unanswered request (still PENDING), a waitlist alert (the booking still holds its seat).
     */
    private static Optional<String> stale(OutboxMessage message, Optional<Booking> booking, Instant now) {
        if (message.kind() == MessageKind.REQUEST_UNANSWERED && booking.isPresent()
                && booking.get().state() != BookingState.PENDING) {
            return Optional.of("request no longer waiting: the booking is " + booking.get().state());
        }
        if (message.kind() == MessageKind.WAITLIST_ALERT && booking.isPresent() && !booking.get().holdsSeat()) {
            return Optional.of("waitlist alert no longer applies: the booking is " + booking.get().state());
        }
        return Reminder.isReminder(message.kind()) ? staleReminder(message, booking, now) : Optional.empty();
    }

    private static Optional<String> staleReminder(OutboxMessage message, Optional<Booking> booking, Instant now) {
        if (booking.isEmpty()) {
            return Optional.of("a reminder needs a booking");
        }
        Booking b = booking.get();
        if (b.state() != BookingState.CONFIRMED) {
            return Optional.of("reminder no longer applies: the booking is " + b.state());
        }
        String plannedFor = message.parameters().get(Reminder.START_PARAMETER);
        if (plannedFor != null && !plannedFor.equals(b.start().toString())) {
            return Optional.of("reminder no longer applies: the booking was moved");
        }
        if (!b.start().isAfter(now)) {
            return Optional.of("reminder no longer applies: the consultation has begun");
        }
        return Optional.empty();
    }

    private BookingDetails details(Booking b, AgendaSettings settings, Reads reads) {
        return details(b, b.start(), b.end(), b.state(), b.calendarSequence(), settings, reads);
    }

    /** The booking as the message's event left it (CAL-1): confirmed, at the snapshot's times and sequence. */
    private BookingDetails asConfirmed(Booking b, Map<String, String> snapshot, AgendaSettings settings, Reads reads) {
        return details(b, Instant.parse(snapshot.get(InvitationSnapshot.START)),
                Instant.parse(snapshot.get(InvitationSnapshot.END)), BookingState.CONFIRMED,
                Integer.parseInt(snapshot.get(InvitationSnapshot.SEQUENCE)), settings, reads);
    }

    private BookingDetails details(Booking b, Instant start, Instant end, BookingState state, int sequence,
                                   AgendaSettings settings, Reads reads) {
        Optional<MoneyDecision> settlement = b.settlement();
        return new BookingDetails(b.id(), start, end, reads.activityName(b), b.mode(), address(b, start, settings, reads),
                b.price(), b.paid(), state, sequence, b.accessToken(), b.terms().cancellationDeadline(),
                settlement.flatMap(MoneyDecision::amountCharged), settlement.flatMap(MoneyDecision::amountRefunded));
    }

    /** The address of the opening an in-person booking lies in, if that opening names one. */
    private Optional<String> address(Booking b, Instant at, AgendaSettings settings, Reads reads) {
        if (b.mode() != ConsultationMode.IN_PERSON) {
            return Optional.empty();
        }
        ZonedDateTime start = at.atZone(settings.zone());
        LocalDate date = start.toLocalDate();
        LocalTime time = start.toLocalTime();
        for (Opening opening : reads.openings(b.practitionerId())) {
            boolean endsInside = opening.end().equals(LocalTime.MIDNIGHT) || !time.isAfter(opening.end());
            if (opening.occursOn(date) && !time.isBefore(opening.start()) && endsInside
                    && opening.place().address().isPresent()) {
                return opening.place().address();
            }
        }
        return Optional.empty();
    }
}
