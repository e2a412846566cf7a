package org.rendezvous.core.port;

import java.time.LocalDate;
import java.util.List;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.revenue.OnSitePayment;

/** Payments practitioners took on site (INV-2), kept as recorded. */
public interface OnSitePayments {

    void add(OnSitePayment payment);

    /** The practitioner's payments paid on days in [from, to], by day. */
    List<OnSitePayment> between(PractitionerId practitioner, LocalDate from, LocalDate to);

    List<OnSitePayment> ofBooking(BookingId booking);
}
