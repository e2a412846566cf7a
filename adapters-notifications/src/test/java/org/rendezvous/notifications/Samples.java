package org.rendezvous.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.BookingDetails;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.Contact;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;

/** Outgoing messages for the adapter's tests: Anna Müller in Paris, her client Zoé Lefèvre, a Shiatsu on 3 June 2025 at 09:00. */
final class Samples {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday 3 June 2025, 09:00 in Paris. */
    static final Instant START = Instant.parse("2025-06-03T07:00:00Z");
    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final BookingId BOOKING = new BookingId(UUID.fromString("0b0c0d0e-0000-4000-8000-000000000042"));
    static final AccessToken TOKEN = new AccessToken("tok3n_0f_th3_b00king_l1nk");
    static final TemplateSettings TEMPLATES = TemplateSettings.of("Rendezvous", "https://rdv.example.org/b/",
            "https://rdv.example.org/dashboard");
    static final Sender SENDER = Sender.of("no-reply@rendezvous.test", "Rendezvous");
    static final Set<MessageKind> CANCELLATIONS = EnumSet.of(MessageKind.CANCELLED_BY_CLIENT,
            MessageKind.CANCELLED_BY_PRACTITIONER, MessageKind.BOOKING_REFUSED, MessageKind.REQUEST_EXPIRED,
            MessageKind.HOLD_EXPIRED, MessageKind.LATE_PAYMENT_REFUNDED, MessageKind.NO_SHOW_CHARGED,
            MessageKind.LATE_CANCELLATION_CHARGED);
    static final Set<MessageKind> WITHOUT_BOOKING = EnumSet.of(MessageKind.EMAIL_VERIFICATION,
            MessageKind.PASSWORD_RESET, MessageKind.PAYOUT_SENT, MessageKind.PAYOUT_CARRIED_OVER,
            MessageKind.QUOTA_REACHED, MessageKind.TRIAL_ENDING, MessageKind.CLIENT_SIGN_IN);

    private Samples() {
    }

    static Contact anna(Language language) {
        return new Contact(PersonName.of("Anna Müller"), EmailAddress.of("anna@example.org"),
                Optional.of(PhoneNumber.of("+33612345678")), language);
    }

    static Contact zoe(Language language) {
        return new Contact(PersonName.of("Zoé Lefèvre"), EmailAddress.of("zoe@example.net"),
                Optional.of(PhoneNumber.of("+33698765432")), language);
    }

    static BookingDetails booking(BookingState state, int sequence) {
        return new BookingDetails(BOOKING, START, START.plus(Duration.ofMinutes(60)), "Shiatsu équilibrant",
                ConsultationMode.IN_PERSON, Optional.of("12 rue de la Paix, 75002 Paris"), Money.of("60.00", "EUR"),
                Money.of("60.00", "EUR"), state, sequence, TOKEN, Duration.ofHours(24),
                Optional.of(Money.of("30.00", "EUR")), Optional.of(Money.of("30.00", "EUR")));
    }

    static Map<String, String> parameters() {
        Map<String, String> p = new TreeMap<>();
        p.put("previousStart", "2025-06-02T12:30:00Z");
        p.put("offeredStart", "2025-06-02T08:00:00Z");
        p.put("waitingSince", "2025-05-30T16:15:00Z");
        p.put("link", "https://rdv.example.org/verify?t=abc&x=1");
        p.put("amount", "1234.50 EUR");
        p.put("limit", "40");
        p.put("trialEndsOn", "2025-06-20");
        return p;
    }

    /** A message of any kind, to either side, by either channel, with every detail filled in. */
    static OutgoingMessage message(MessageKind kind, Recipient role, Channel channel, Language language) {
        return message(kind, role, channel, language, parameters());
    }

    static OutgoingMessage message(MessageKind kind, Recipient role, Channel channel, Language language,
                                   Map<String, String> parameters) {
        boolean withBooking = !WITHOUT_BOOKING.contains(kind);
        BookingState state = CANCELLATIONS.contains(kind) ? BookingState.CANCELLED_BY_CLIENT : BookingState.CONFIRMED;
        int sequence = kind.name().startsWith("MOVED") ? 2 : CANCELLATIONS.contains(kind) ? 1 : 0;
        Contact practitioner = anna(role == Recipient.PRACTITIONER ? language : Language.FRENCH);
        Contact client = zoe(role == Recipient.CLIENT ? language : Language.FRENCH);
        return new OutgoingMessage(new OutboxMessageId(UUID.fromString("5eed0000-0000-4000-8000-00000000a11c")),
                kind + ":" + BOOKING, kind, channel, role, role == Recipient.CLIENT ? client : practitioner, practitioner,
                PARIS, withBooking ? Optional.of(booking(state, sequence)) : Optional.empty(),
                withBooking ? Optional.of(client) : Optional.empty(), new TreeMap<>(parameters));
    }

    static MessageTemplates templates() {
        return new MessageTemplates(TEMPLATES);
    }

    static CalendarInvitations invitations() {
        return new CalendarInvitations("rendezvous.test", TEMPLATES, CLOCK);
    }
}
