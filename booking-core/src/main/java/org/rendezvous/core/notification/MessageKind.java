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
    WAITLIST_ALERT(List.of(new Route(CLIENT, SMS), new Route(CLIENT, EMAIL)));

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
