package org.rendezvous.core.inmemory;

import java.util.UUID;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.port.OnSitePayments;
import org.rendezvous.core.port.contract.OnSitePaymentsContract;
import org.rendezvous.core.practitioner.PractitionerId;

class InMemoryOnSitePaymentsTest extends OnSitePaymentsContract {

    @Override
    protected OnSitePayments newPayments() {
        return new InMemoryOnSitePayments(new InMemoryTransactions());
    }

    @Override
    protected BookingId newBooking(PractitionerId practitioner) {
        return new BookingId(UUID.randomUUID());
    }

    @Override
    protected PractitionerId newPractitioner() {
        return new PractitionerId(UUID.randomUUID());
    }
}
