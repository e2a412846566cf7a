package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.booking.BookingState.CANCELLED_BY_CLIENT;
import static org.rendezvous.core.booking.BookingState.CANCELLED_BY_PRACTITIONER;
import static org.rendezvous.core.booking.BookingState.COMPLETED;
import static org.rendezvous.core.booking.BookingState.CONFIRMED;
import static org.rendezvous.core.booking.BookingState.EXPIRED;
import static org.rendezvous.core.booking.BookingState.HELD;
import static org.rendezvous.core.booking.BookingState.NO_SHOW;
import static org.rendezvous.core.booking.BookingState.PENDING;
import static org.rendezvous.core.booking.BookingState.REFUSED;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;
import static org.rendezvous.core.port.contract.StoreFixtures.minutes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Bookings} adapter must do. */
public abstract class BookingsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Bookings bookings;
    protected PractitionerId anna;
    protected Activity annasActivity;
    protected Client annasClient;
    protected PractitionerId bruno;
    protected Activity brunosActivity;
    protected Client brunosClient;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        bookings = stores.bookings();
        anna = fixtures.registerPractitioner(stores);
        annasActivity = fixtures.addActivity(stores, anna);
        annasClient = fixtures.addClient(stores, anna);
        bruno = fixtures.registerPractitioner(stores);
        brunosActivity = fixtures.addActivity(stores, bruno);
        brunosClient = fixtures.addClient(stores, bruno);
    }

    private StoreFixtures.BookingBuilder annas() {
        return fixtures.booking(annasActivity, annasClient);
    }

    private StoreFixtures.BookingBuilder brunos() {
        return fixtures.booking(brunosActivity, brunosClient);
    }

    private Booking added(StoreFixtures.BookingBuilder builder) {
        Booking booking = builder.build();
        bookings.add(booking);
        return booking;
    }

    // Round trips

    @Test
    @DisplayName("BK-2 BK-9 a booking is read back with every field: answers, frozen terms, moves, every transition, payment, guarantee and settlement")
    void finishedBookingRoundTrip() {
        Booking booking = fixtures.finishedBookingWithEverything(annasActivity, annasClient);
        assertThat(booking.history()).hasSize(3);
        assertThat(booking.moves()).hasSize(2);
        assertThat(booking.settlement()).containsInstanceOf(MoneyDecision.KeepFromPrepayment.class);

        bookings.add(booking);

        Booking read = bookings.find(booking.id()).orElseThrow();
        assertThat(read).isEqualTo(booking);
        assertThat(read.history()).isEqualTo(booking.history());
        assertThat(read.moves()).isEqualTo(booking.moves());
        assertThat(read.answers()).isEqualTo(booking.answers());
        assertThat(read.terms()).isEqualTo(booking.terms());
        assertThat(read.settlement()).isEqualTo(booking.settlement());
        assertThat(read.paymentReference()).contains("pi_3PqRsTuVwXyZ");
        assertThat(read.guaranteeReference()).contains("seti_1AbCdEf");
        assertThat(read.version()).isEqualTo(booking.version());
    }

    @Test
    @DisplayName("BK-3 BK-4 a pending booking is read back with its expiry, its payment and its move")
    void pendingBookingRoundTrip() {
        Booking booking = fixtures.pendingBookingWithExpiry(annasActivity, annasClient);

        bookings.add(booking);

        Booking read = bookings.find(booking.id()).orElseThrow();
        assertThat(read).isEqualTo(booking);
        assertThat(read.expiresAt()).isEqualTo(booking.expiresAt()).isPresent();
        assertThat(read.settlement()).isEmpty();
        assertThat(read.guaranteeReference()).isEmpty();
    }

    @Test
    @DisplayName("a new booking is read back with its empty optional fields empty and no answers")
    void newBookingRoundTrip() {
        Booking booking = annas().state(CONFIRMED).bookedByPractitioner().build();

        bookings.add(booking);

        Booking read = bookings.find(booking.id()).orElseThrow();
        assertThat(read).isEqualTo(booking);
        assertThat(read.answers()).isEmpty();
        assertThat(read.moves()).isEmpty();
        assertThat(read.expiresAt()).isEmpty();
        assertThat(read.paymentReference()).isEmpty();
        assertThat(read.guaranteeReference()).isEmpty();
        assertThat(read.settlement()).isEmpty();
        assertThat(read.paid().isZero()).isTrue();
    }

    @Test
    @DisplayName("every settlement decision is read back as saved")
    void everySettlementRoundTrip() {
        List<MoneyDecision> decisions = List.of(new MoneyDecision.NoMoneyMoves(), new MoneyDecision.ReleaseGuarantee(),
                new MoneyDecision.RefundInFull(StoreFixtures.eur("60.00")),
                new MoneyDecision.KeepFromPrepayment(StoreFixtures.eur("60.00"), StoreFixtures.eur("0.00")),
                new MoneyDecision.ChargeGuarantee(StoreFixtures.eur("12.34")));
        for (MoneyDecision decision : decisions) {
            Booking booking = annas().state(CANCELLED_BY_CLIENT).build().withSettlement(decision);

            bookings.add(booking);

            assertThat(bookings.find(booking.id())).contains(booking);
        }
    }

    @Test
    @DisplayName("BK-2 a booking in each state is read back in that state")
    void everyStateRoundTrip() {
        for (BookingState state : BookingState.values()) {
            Booking booking = annas().state(state).build();

            bookings.add(booking);

            assertThat(bookings.find(booking.id())).contains(booking);
        }
    }

    @Test
    @DisplayName("an unknown booking is not found")
    void unknownBooking() {
        added(annas());

        assertThat(bookings.find(fixtures.bookingId())).isEmpty();
    }

    @Test
    @DisplayName("ACC-2 a booking is found by its link's access token; an unknown token finds nothing")
    void findByAccessToken() {
        Booking booking = added(annas());
        Booking other = added(annas().start(hours(72)));

        assertThat(bookings.findByAccessToken(booking.accessToken())).contains(booking);
        assertThat(bookings.findByAccessToken(other.accessToken())).contains(other);
        assertThat(bookings.findByAccessToken(new AccessToken("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))).isEmpty();
    }

    // Conditional update

    @Test
    @DisplayName("BK-2 update with the version that was read stores the change, every field of it")
    void updateWithCurrentVersion() {
        Booking held = added(annas().state(HELD));
        Booking confirmed = held.withPayment(StoreFixtures.eur("60.00"), "pi_late")
                .transition(CONFIRMED, Cause.PAYMENT_RECEIVED, Actor.PAYMENT_PROVIDER, minutes(5).plusNanos(1_000),
                        Optional.empty()).orElseThrow();

        assertThat(bookings.update(confirmed, held.version())).isTrue();

        assertThat(bookings.find(held.id())).contains(confirmed);
        assertThat(bookings.findByAccessToken(held.accessToken())).contains(confirmed);
    }

    @Test
    @DisplayName("update with a stale version answers false and changes nothing")
    void updateWithStaleVersion() {
        Booking original = added(annas().state(PENDING));
        Booking confirmed = original.transition(CONFIRMED, Cause.CONFIRMED_BY_PRACTITIONER, Actor.PRACTITIONER,
                hours(1), Optional.empty()).orElseThrow();
        assertThat(bookings.update(confirmed, original.version())).isTrue();
        Booking refusedFromStaleRead = original.transition(REFUSED, Cause.REFUSED_BY_PRACTITIONER,
                Actor.PRACTITIONER, hours(2), Optional.empty()).orElseThrow();

        assertThat(bookings.update(refusedFromStaleRead, original.version())).isFalse();

        assertThat(bookings.find(original.id())).contains(confirmed);
    }

    @Test
    @DisplayName("of two updates from the same read, only the first is stored")
    void onlyOneOfTwoConcurrentUpdatesWins() {
        Booking read = added(annas().state(PENDING));
        Booking confirmed = read.transition(CONFIRMED, Cause.CONFIRMED_BY_PRACTITIONER, Actor.PRACTITIONER,
                hours(1), Optional.empty()).orElseThrow();
        Booking cancelled = read.transition(CANCELLED_BY_CLIENT, Cause.CANCELLED_BY_CLIENT, Actor.CLIENT,
                hours(1), Optional.empty()).orElseThrow();

        boolean first = bookings.update(cancelled, read.version());
        boolean second = bookings.update(confirmed, read.version());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(bookings.find(read.id())).contains(cancelled);
    }

    @Test
    @DisplayName("successive updates each expect the version the previous one stored")
    void successiveUpdates() {
        Booking v1 = added(annas().state(CONFIRMED));
        Booking v2 = v1.movedTo(hours(60), hours(1), Actor.CLIENT);
        Booking v3 = v2.transition(COMPLETED, Cause.ENDED, Actor.SYSTEM, hours(61), Optional.empty()).orElseThrow();

        assertThat(bookings.update(v2, v1.version())).isTrue();
        assertThat(bookings.update(v3, v1.version())).isFalse();
        assertThat(bookings.update(v3, v2.version())).isTrue();

        assertThat(bookings.find(v1.id())).contains(v3);
        assertThat(bookings.find(v1.id()).orElseThrow().version()).isEqualTo(v1.version() + 2);
    }

    @Test
    @DisplayName("BK-7 a booking moved by an update is found by the range queries at its new time only")
    void movedBookingIsFoundAtItsNewTime() {
        Booking booking = added(annas().state(CONFIRMED).start(hours(48)));
        Booking moved = booking.movedTo(hours(72), hours(1), Actor.CLIENT);

        bookings.update(moved, booking.version());

        assertThat(bookings.seatHolding(anna, hours(48), hours(49))).isEmpty();
        assertThat(bookings.ofPractitioner(anna, hours(48), hours(49))).isEmpty();
        assertThat(bookings.seatHolding(anna, hours(72), hours(73))).containsExactly(moved);
        assertThat(bookings.ofPractitioner(anna, hours(72), hours(73))).containsExactly(moved);
    }

    @Test
    @DisplayName("AG-7 a booking cancelled by an update no longer holds its seat")
    void cancelledBookingFreesItsSeat() {
        Booking booking = added(annas().state(CONFIRMED).start(hours(48)));
        Booking cancelled = booking.transition(CANCELLED_BY_PRACTITIONER, Cause.CANCELLED_BY_PRACTITIONER,
                Actor.PRACTITIONER, hours(1), Optional.empty()).orElseThrow();

        bookings.update(cancelled, booking.version());

        assertThat(bookings.seatHolding(anna, hours(48), hours(49))).isEmpty();
        assertThat(bookings.ofPractitioner(anna, hours(48), hours(49))).containsExactly(cancelled);
    }

    // Seat-holding bookings

    @Test
    @DisplayName("AG-7 only HELD, PENDING and CONFIRMED bookings hold a seat")
    void seatHoldingStates() {
        Booking held = added(annas().state(HELD).start(hours(48)));
        Booking pending = added(annas().state(PENDING).start(hours(48)));
        Booking confirmed = added(annas().state(CONFIRMED).start(hours(48)));
        for (BookingState state : List.of(COMPLETED, NO_SHOW, CANCELLED_BY_CLIENT, CANCELLED_BY_PRACTITIONER, REFUSED,
                EXPIRED)) {
            added(annas().state(state).start(hours(48)));
        }

        assertThat(bookings.seatHolding(anna, hours(48), hours(49)))
                .containsExactlyInAnyOrder(held, pending, confirmed);
    }

    @Test
    @DisplayName("AG-7 seat-holding bookings overlapping [from, to) are found; touching ends do not overlap")
    void seatHoldingOverlap() {
        // Each booking lasts 45 minutes; the range is [10:00, 12:00).
        Booking endsAtFrom = added(annas().start(minutes(10 * 60 - 45)));
        Booking overlapsFrom = added(annas().start(minutes(10 * 60 - 44)));
        Booking inside = added(annas().start(hours(11)));
        Booking overlapsTo = added(annas().start(minutes(12 * 60 - 1)));
        Booking startsAtTo = added(annas().start(hours(12)));
        Booking covering = added(annas().start(minutes(9 * 60)).duration(Duration.ofHours(4)));
        added(brunos().start(hours(11)));

        List<Booking> found = bookings.seatHolding(anna, hours(10), hours(12));

        assertThat(found).containsExactlyInAnyOrder(overlapsFrom, inside, overlapsTo, covering);
        assertThat(found).doesNotContain(endsAtFrom, startsAtTo);
    }

    @Test
    @DisplayName("AG-7, AG-9 the occupied ranges are those of the seat-holding bookings, without the one being moved")
    void occupiedRanges() {
        Booking held = added(annas().state(HELD).start(hours(10)));
        Booking confirmed = added(annas().state(CONFIRMED).start(hours(11)));
        Booking moving = added(annas().state(PENDING).start(hours(12)));
        added(annas().state(CANCELLED_BY_CLIENT).start(hours(11)));
        added(brunos().start(hours(11)));

        assertThat(bookings.occupied(anna, hours(0), hours(100), Optional.empty()))
                .containsExactlyInAnyOrder(held.occupied(), confirmed.occupied(), moving.occupied());
        assertThat(bookings.occupied(anna, hours(0), hours(100), Optional.of(moving.id())))
                .containsExactlyInAnyOrder(held.occupied(), confirmed.occupied());
        assertThat(bookings.occupied(anna, hours(11), hours(12), Optional.empty())).containsExactly(confirmed.occupied());
    }

    @Test
    @DisplayName("a practitioner without bookings holds no seat")
    void noSeatHolding() {
        added(brunos().start(hours(11)));

        assertThat(bookings.seatHolding(anna, hours(0), hours(1000))).isEmpty();
        assertThat(bookings.ofPractitioner(anna, hours(0), hours(1000))).isEmpty();
    }

    // A practitioner's bookings

    @Test
    @DisplayName("a practitioner's bookings in any state overlapping [from, to) are listed by start; touching ends excluded")
    void ofPractitionerByStart() {
        Booking third = added(annas().state(CANCELLED_BY_CLIENT).start(hours(30)));
        Booking first = added(annas().state(COMPLETED).start(minutes(10 * 60 - 30)));
        Booking second = added(annas().state(PENDING).start(hours(20)));
        Booking fourth = added(annas().state(HELD).start(minutes(40 * 60 - 1)));
        added(annas().state(CONFIRMED).start(minutes(10 * 60 - 45)));
        added(annas().state(EXPIRED).start(hours(40)));
        added(brunos().state(CONFIRMED).start(hours(20)));

        assertThat(bookings.ofPractitioner(anna, hours(10), hours(40))).containsExactly(first, second, third, fourth);
    }

    // A client's bookings

    @Test
    @DisplayName("CLI-1 a client's bookings with a practitioner, in any state, are listed by start")
    void ofClientByStart() {
        Booking later = added(annas().state(CANCELLED_BY_CLIENT).start(hours(100)));
        Booking earlier = added(annas().state(COMPLETED).start(hours(2)));
        Booking middle = added(annas().state(CONFIRMED).start(hours(50)));
        Client otherClient = fixtures.addClient(stores, anna);
        added(fixtures.booking(annasActivity, otherClient).start(hours(3)));

        assertThat(bookings.ofClient(anna, annasClient.id())).containsExactly(earlier, middle, later);
        assertThat(bookings.ofClient(bruno, annasClient.id())).isEmpty();
        assertThat(bookings.ofClient(anna, fixtures.clientId())).isEmpty();
    }

    // Lifecycle job queries

    @Test
    @DisplayName("BK-3 BK-4 HELD and PENDING bookings expiring at or before now are listed oldest expiry first")
    void expiringBy() {
        Instant now = hours(10);
        Booking pendingOldest = added(annas().state(PENDING).expiresAt(hours(1)));
        Booking heldAtNow = added(brunos().state(HELD).expiresAt(now));
        Booking heldMiddle = added(annas().state(HELD).expiresAt(hours(5)));
        added(annas().state(HELD).expiresAt(now.plusNanos(1_000)));
        added(annas().state(PENDING).expiresAt(hours(11)));
        added(annas().state(CONFIRMED));
        added(annas().state(EXPIRED).createdAt(hours(-10)));
        added(annas().state(REFUSED).createdAt(hours(-10)));

        assertThat(bookings.expiringBy(now, 100)).containsExactly(pendingOldest, heldMiddle, heldAtNow);
    }

    @Test
    @DisplayName("expiringBy gives at most the limit, oldest first")
    void expiringByLimit() {
        Booking oldest = added(annas().state(HELD).expiresAt(hours(1)));
        Booking second = added(annas().state(PENDING).expiresAt(hours(2)));
        added(annas().state(HELD).expiresAt(hours(3)));
        added(annas().state(HELD).expiresAt(hours(4)));

        assertThat(bookings.expiringBy(hours(10), 2)).containsExactly(oldest, second);
    }

    @Test
    @DisplayName("BK-5 CONFIRMED bookings ended at or before now are listed oldest end first, up to the limit")
    void confirmedEndedBy() {
        Instant now = hours(20);
        Booking endedAtNow = added(annas().state(CONFIRMED).start(minutes(20 * 60 - 45)));
        Booking endedFirst = added(brunos().state(CONFIRMED).start(hours(2)));
        Booking endedSecond = added(annas().state(CONFIRMED).start(hours(5)));
        added(annas().state(CONFIRMED).start(minutes(20 * 60 - 44)));
        added(annas().state(COMPLETED).start(hours(1)));
        added(annas().state(NO_SHOW).start(hours(1)));
        added(annas().state(PENDING).start(hours(1)).createdAt(hours(-100)));
        added(annas().state(CANCELLED_BY_CLIENT).start(hours(1)));

        assertThat(bookings.confirmedEndedBy(now, 100)).containsExactly(endedFirst, endedSecond, endedAtNow);
        assertThat(bookings.confirmedEndedBy(now, 2)).containsExactly(endedFirst, endedSecond);
    }

    @Test
    @DisplayName("BK-4 PENDING bookings created at or before the instant are listed oldest first, up to the limit")
    void pendingCreatedBy() {
        Instant createdBy = hours(0);
        Booking createdAtInstant = added(annas().state(PENDING).createdAt(createdBy));
        Booking oldest = added(brunos().state(PENDING).createdAt(hours(-30)));
        Booking second = added(annas().state(PENDING).createdAt(hours(-3)));
        added(annas().state(PENDING).createdAt(createdBy.plusNanos(1_000)));
        added(annas().state(CONFIRMED).createdAt(hours(-50)));
        added(annas().state(HELD).createdAt(hours(-50)));
        added(annas().state(REFUSED).createdAt(hours(-50)));

        assertThat(bookings.pendingCreatedBy(createdBy, 100)).containsExactly(oldest, second, createdAtInstant);
        assertThat(bookings.pendingCreatedBy(createdBy, 1)).containsExactly(oldest);
    }
}
