package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.Waitlists;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.waitlist.WaitlistEntry;

/** What every {@link Waitlists} adapter must do: early-availability alert subscriptions (CX-7). */
public abstract class WaitlistsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Waitlists waitlists;
    protected PractitionerId anna;
    protected Activity osteopathy;
    protected Activity massage;
    protected Client client;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        waitlists = stores.waitlists();
        anna = fixtures.registerPractitioner(stores);
        osteopathy = fixtures.addActivity(stores, anna);
        massage = fixtures.addActivity(stores, anna);
        client = fixtures.addClient(stores, anna);
    }

    private Booking booked(Activity activity, int startHour) {
        Booking booking = fixtures.booking(activity, client).start(hours(startHour)).build();
        stores.bookings().add(booking);
        return booking;
    }

    @Test
    @DisplayName("CX-7 an entry added is found by its booking with every field")
    void entryRoundTrip() {
        Booking booking = booked(osteopathy, 100);
        WaitlistEntry entry = fixtures.waitlistEntry(booking, hours(-5).plusNanos(123_456_000));

        waitlists.add(entry);

        assertThat(waitlists.ofBooking(booking.id())).contains(entry);
    }

    @Test
    @DisplayName("a booking that is on no waitlist has no entry")
    void noEntry() {
        Booking booking = booked(osteopathy, 100);
        Booking other = booked(osteopathy, 101);
        waitlists.add(fixtures.waitlistEntry(other, hours(-5)));

        assertThat(waitlists.ofBooking(booking.id())).isEmpty();
        assertThat(waitlists.ofBooking(fixtures.bookingId())).isEmpty();
    }

    @Test
    @DisplayName("CX-7 the entries for an activity are listed oldest first, and only that activity's")
    void forActivityOldestFirst() {
        WaitlistEntry middle = fixtures.waitlistEntry(booked(osteopathy, 100), hours(-5));
        WaitlistEntry newest = fixtures.waitlistEntry(booked(osteopathy, 101), hours(-1));
        WaitlistEntry oldest = fixtures.waitlistEntry(booked(osteopathy, 102), hours(-30));
        WaitlistEntry otherActivity = fixtures.waitlistEntry(booked(massage, 103), hours(-50));
        waitlists.add(middle);
        waitlists.add(newest);
        waitlists.add(oldest);
        waitlists.add(otherActivity);

        assertThat(waitlists.forActivity(anna, osteopathy.id())).containsExactly(oldest, middle, newest);
        assertThat(waitlists.forActivity(anna, massage.id())).containsExactly(otherActivity);
    }

    @Test
    @DisplayName("another practitioner's waitlist for the same activity id is empty")
    void forActivityOfAnotherPractitioner() {
        PractitionerId bruno = fixtures.registerPractitioner(stores);
        waitlists.add(fixtures.waitlistEntry(booked(osteopathy, 100), hours(-5)));

        assertThat(waitlists.forActivity(bruno, osteopathy.id())).isEmpty();
        assertThat(waitlists.forActivity(anna, fixtures.activityId())).isEmpty();
    }

    @Test
    @DisplayName("removing a booking's entry answers true and takes it off every list; removing it again answers false")
    void remove() {
        Booking kept = booked(osteopathy, 100);
        Booking removed = booked(osteopathy, 101);
        WaitlistEntry keptEntry = fixtures.waitlistEntry(kept, hours(-5));
        waitlists.add(keptEntry);
        waitlists.add(fixtures.waitlistEntry(removed, hours(-4)));

        assertThat(waitlists.remove(removed.id())).isTrue();
        assertThat(waitlists.remove(removed.id())).isFalse();

        assertThat(waitlists.ofBooking(removed.id())).isEmpty();
        assertThat(waitlists.forActivity(anna, osteopathy.id())).containsExactly(keptEntry);
    }

    @Test
    @DisplayName("removing the entry of a booking that has none answers false")
    void removeNothing() {
        Booking booking = booked(osteopathy, 100);

        assertThat(waitlists.remove(booking.id())).isFalse();
    }

    @Test
    @DisplayName("a booking can be put on the waitlist again after its entry was removed")
    void addAgainAfterRemove() {
        Booking booking = booked(osteopathy, 100);
        waitlists.add(fixtures.waitlistEntry(booking, hours(-5)));
        waitlists.remove(booking.id());
        WaitlistEntry again = fixtures.waitlistEntry(booking, hours(-2));

        waitlists.add(again);

        assertThat(waitlists.ofBooking(booking.id())).contains(again);
    }
}
