package org.rendezvous.core.notification;

import java.util.List;
import static org.rendezvous.core.notification.Channel.EMAIL;
import static org.rendezvous.core.notification.Channel.SMS;
import static org.rendezvous.core.notification.Recipient.CLIENT;
import static org.rendezvous.core.notification.Recipient.PRACTITIONER;

/** The events someone must hear about (NOT-1), with who hears of each and by which channels. */
public enum MessageKind {
    BOOKING_REQUESTED(List.of(new Route(PRACTITIONER, SMS), new Route(PRACTITIONER, EMAIL),
            new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    BOOKING_CONFIRMED(List.of(new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    /** A booking that went straight to CONFIRMED: the practitioner hears of it as of a new request. */
    BOOKING_CONFIRMED_AUTOMATICALLY(List.of(new Route(PRACTITIONER, SMS), new Route(PRACTITIONER, EMAIL),
            new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    BOOKING_REFUSED(List.of(new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    CANCELLED_BY_CLIENT(List.of(new Route(PRACTITIONER, SMS), new Route(PRACTITIONER, EMAIL),
            new Route(CLIENT, EMAIL))),
    CANCELLED_BY_PRACTITIONER(List.of(new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    MOVED_BY_CLIENT(List.of(new Route(PRACTITIONER, SMS), new Route(PRACTITIONER, EMAIL), new Route(CLIENT, EMAIL))),
    MOVED_BY_PRACTITIONER(List.of(new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    PAYMENT_RECEIVED(List.of(new Route(CLIENT, EMAIL))),
    HOLD_EXPIRED(List.of(new Route(CLIENT, EMAIL))),
    LATE_PAYMENT_REFUNDED(List.of(new Route(CLIENT, EMAIL))),
    REQUEST_UNANSWERED(List.of(new Route(PRACTITIONER, SMS), new Route(PRACTITIONER, EMAIL))),
    REQUEST_EXPIRED(List.of(new Route(PRACTITIONER, EMAIL), new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    NO_SHOW_CHARGED(List.of(new Route(CLIENT, EMAIL))),
    LATE_CANCELLATION_CHARGED(List.of(new Route(CLIENT, EMAIL))),
    WAITLIST_ALERT(List.of(new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    /** An off-session charge the card's bank wants the client to authenticate: the client is asked to pay. */
    CHARGE_NEEDS_CLIENT(List.of(new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    /** A charge that failed for good (declined card): the practitioner is told to collect it themselves. */
    CHARGE_FAILED(List.of(new Route(PRACTITIONER, EMAIL))),
    REFUND_ISSUED(List.of(new Route(CLIENT, EMAIL))),
    PAYOUT_SENT(List.of(new Route(PRACTITIONER, EMAIL))),
    PAYOUT_CARRIED_OVER(List.of(new Route(PRACTITIONER, EMAIL))),
    QUOTA_REACHED(List.of(new Route(PRACTITIONER, EMAIL))),
    /** NOT-2: the first reminder, by e-mail (48 h before by default). */
    FIRST_REMINDER(List.of(new Route(PRACTITIONER, EMAIL), new Route(CLIENT, EMAIL))),
    /** NOT-2: the second reminder, by SMS and e-mail (24 h before by default). */
    SECOND_REMINDER(List.of(new Route(PRACTITIONER, SMS), new Route(PRACTITIONER, EMAIL),
            new Route(CLIENT, SMS), new Route(CLIENT, EMAIL))),
    EMAIL_VERIFICATION(List.of(new Route(PRACTITIONER, EMAIL))),
    PASSWORD_RESET(List.of(new Route(PRACTITIONER, EMAIL))),
    /** CX-4: an operator reversed a contested charge: the client is refunded in full, the practitioner's earnings undone. */
    CHARGE_REVERSED(List.of(new Route(PRACTITIONER, EMAIL), new Route(CLIENT, EMAIL))),
    /** INV-1: an issued invoice or credit note, its PDF attached, to the buyer's e-mail address. */
    INVOICE_ISSUED(List.of(new Route(CLIENT, EMAIL))),
    /** PLAN-1: the trial ends in 7 days; afterwards the free plan's quotas apply unless the practitioner subscribes. */
    TRIAL_ENDING(List.of(new Route(PRACTITIONER, EMAIL))),
    /** CLI-2: the single-use link that signs a client in to their account, valid 15 minutes; sent by the host. */
    CLIENT_SIGN_IN(List.of(new Route(CLIENT, EMAIL)));

    private final List<Route> routes;

    MessageKind(List<Route> routes) {
        this.routes = routes;
    }

    public List<Route> routes() {
        return routes;
    }

    public record Route(Recipient recipient, Channel channel) {
    }
}
