package org.rendezvous.persistence;

import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.port.OnSitePayments;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.OnSitePaymentsContract;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.PractitionerId;

/** The PostgreSQL adapter passes the OnSitePayments contract; a payment refers to a stored booking. */
class JdbiOnSitePaymentsTest extends OnSitePaymentsContract {

    private final StoreFixtures fixtures = new StoreFixtures();
    private Stores stores;

    @Override
    protected OnSitePayments newPayments() {
        stores = TestDatabase.freshStores();
        return PostgresStores.invoices(stores).onSitePayments();
    }

    @Override
    protected BookingId newBooking(PractitionerId practitioner) {
        Activity activity = fixtures.addActivity(stores, practitioner);
        Client client = fixtures.addClient(stores, practitioner);
        Booking booking = fixtures.booking(activity, client).build();
        stores.bookings().add(booking);
        return booking.id();
    }

    @Override
    protected PractitionerId newPractitioner() {
        return fixtures.registerPractitioner(stores);
    }
}
