package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.port.ReminderCandidates;
import org.rendezvous.core.port.ReminderCandidates.Cursor;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What every {@link ReminderCandidates} adapter must do (NOT-2): CONFIRMED bookings of every practitioner
 * starting in a window, by start then id, a page at a time after a cursor.
 *
 * <p>The fixtures' ids are sequential with the same leading bits, so Java's {@code UUID} order and a
 * database's (PostgreSQL compares uuids bytewise, unsigned) agree on them; with random ids an adapter's
 * tie order may differ from Java's, and only paging by {@link Cursor#after} is promised.
 */
public abstract class ReminderCandidatesContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected ReminderCandidates candidates;
    protected Activity annasActivity;
    protected Client annasClient;
    protected Activity brunosActivity;
    protected Client brunosClient;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    /** The adapter under test, reading the given stores. */
    protected abstract ReminderCandidates candidatesOf(Stores stores);

    @BeforeEach
    void freshStores() {
        stores = newStores();
        candidates = candidatesOf(stores);
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerId bruno = fixtures.registerPractitioner(stores);
        annasActivity = fixtures.addActivity(stores, anna);
        annasClient = fixtures.addClient(stores, anna);
        brunosActivity = fixtures.addActivity(stores, bruno);
        brunosClient = fixtures.addClient(stores, bruno);
    }

    private Booking annas(BookingState state, long startHour) {
        Booking booking = fixtures.booking(annasActivity, annasClient).state(state).start(hours(startHour))
                .createdAt(hours(0)).build();
        stores.bookings().add(booking);
        return booking;
    }

    private Booking brunos(BookingState state, long startHour) {
        Booking booking = fixtures.booking(brunosActivity, brunosClient).state(state).start(hours(startHour))
                .createdAt(hours(0)).build();
        stores.bookings().add(booking);
        return booking;
    }

    private List<BookingId> ids(List<Booking> bookings) {
        return bookings.stream().map(Booking::id).toList();
    }

    @Test
    @DisplayName("NOT-2 only CONFIRMED bookings are candidates, whoever's they are")
    void onlyConfirmedBookings() {
        Booking annasConfirmed = annas(BookingState.CONFIRMED, 30);
        Booking brunosConfirmed = brunos(BookingState.CONFIRMED, 31);
        for (BookingState other : List.of(BookingState.HELD, BookingState.PENDING, BookingState.EXPIRED,
                BookingState.REFUSED, BookingState.CANCELLED_BY_CLIENT, BookingState.CANCELLED_BY_PRACTITIONER,
                BookingState.COMPLETED, BookingState.NO_SHOW)) {
            annas(other, 32);
        }

        List<Booking> found = candidates.confirmedStartingBetween(hours(0), hours(100), Optional.empty(), 100);

        assertThat(ids(found)).containsExactly(annasConfirmed.id(), brunosConfirmed.id());
    }

    @Test
    @DisplayName("NOT-2 the window excludes its first instant and includes its last")
    void windowIsOpenThenClosed() {
        annas(BookingState.CONFIRMED, 10);
        Booking justAfter = annas(BookingState.CONFIRMED, 11);
        Booking atTheEnd = annas(BookingState.CONFIRMED, 20);
        annas(BookingState.CONFIRMED, 21);

        List<Booking> found = candidates.confirmedStartingBetween(hours(10), hours(20), Optional.empty(), 100);

        assertThat(ids(found)).containsExactly(justAfter.id(), atTheEnd.id());
        assertThat(candidates.confirmedStartingBetween(hours(21), hours(30), Optional.empty(), 100)).isEmpty();
    }

    @Test
    @DisplayName("NOT-2 candidates come by start, then by id, at most the limit, read back with every field")
    void orderedByStartThenIdUpToTheLimit() {
        Booking late = annas(BookingState.CONFIRMED, 40);
        Booking firstAt30 = annas(BookingState.CONFIRMED, 30);
        Booking secondAt30 = brunos(BookingState.CONFIRMED, 30);
        Booking early = brunos(BookingState.CONFIRMED, 20);

        List<Booking> firstThree = candidates.confirmedStartingBetween(hours(0), hours(100), Optional.empty(), 3);

        assertThat(ids(firstThree)).containsExactly(early.id(), firstAt30.id(), secondAt30.id());
        assertThat(firstThree.get(0)).isEqualTo(stores.bookings().find(early.id()).orElseThrow());
        assertThat(firstThree.get(0).history()).isEqualTo(early.history());
        assertThat(candidates.confirmedStartingBetween(hours(0), hours(100), Optional.empty(), 10))
                .extracting(Booking::id).endsWith(late.id());
    }

    @Test
    @DisplayName("NOT-2 a cursor resumes after the last booking of the previous page, ties on the start included")
    void cursorResumesAfterThePreviousPage() {
        List<BookingId> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            written.add(annas(BookingState.CONFIRMED, 30 + i / 3).id());
        }

        List<BookingId> paged = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        List<Booking> page;
        int pages = 0;
        do {
            page = candidates.confirmedStartingBetween(hours(0), hours(100), cursor, 2);
            paged.addAll(ids(page));
            if (!page.isEmpty()) {
                cursor = Optional.of(Cursor.after(page.get(page.size() - 1)));
            }
            pages++;
        } while (page.size() == 2 && pages < 10);

        assertThat(paged).containsExactlyElementsOf(written);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    @DisplayName("NOT-2 a cursor on a booking that is gone still resumes at its place")
    void cursorNeedNotExist() {
        Booking before = annas(BookingState.CONFIRMED, 30);
        Booking after = annas(BookingState.CONFIRMED, 31);
        Cursor between = new Cursor(hours(30), fixtures.bookingId());

        List<Booking> found = candidates.confirmedStartingBetween(hours(0), hours(100), Optional.of(between), 10);

        assertThat(ids(found)).doesNotContain(before.id()).contains(after.id());
    }

    @Test
    @DisplayName("NOT-2 a booking moved into the window, or confirmed since, is found at its new start; one cancelled since is not")
    void changesAreSeen() {
        Booking moved = annas(BookingState.CONFIRMED, 200);
        Booking movedIn = moved.movedTo(hours(50), hours(1), Actor.CLIENT);
        assertThat(stores.bookings().update(movedIn, moved.version())).isTrue();
        Booking cancelled = annas(BookingState.CONFIRMED, 60);
        Booking cancelledNow = cancelled.transition(BookingState.CANCELLED_BY_CLIENT,
                Cause.CANCELLED_BY_CLIENT, Actor.CLIENT, hours(2), Optional.empty())
                .orElseThrow();
        assertThat(stores.bookings().update(cancelledNow, cancelled.version())).isTrue();

        List<Booking> found = candidates.confirmedStartingBetween(hours(0), hours(100), Optional.empty(), 10);

        assertThat(ids(found)).containsExactly(moved.id());
        assertThat(found.get(0).start()).isEqualTo(hours(50));
    }
}
