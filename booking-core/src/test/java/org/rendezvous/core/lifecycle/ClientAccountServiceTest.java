package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.ClientAccountService;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.ClientData;
import org.rendezvous.core.client.ClientSignedIn;
import org.rendezvous.core.client.Erasure;
import org.rendezvous.core.client.SignInLink;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.testing.MutableClock;

/** CLI-2: sign-in links, the account's reach, cancelling through it, export and erasure. */
class ClientAccountServiceTest {

    @Test
    @DisplayName("CLI-2 a sign-in link is given only for an e-mail some client file knows")
    void linkOnlyForKnownEmail() {
        ClientAccountFixture f = new ClientAccountFixture();
        f.book("claire@example.org", 3);

        assertThat(f.accounts().requestSignIn(EmailAddress.of("nobody@example.org"))).isEmpty();
        SignInLink link = f.accounts().requestSignIn(EmailAddress.of("Claire@example.org")).orElseThrow();

        assertThat(link.email().value()).isEqualTo("claire@example.org");
        assertThat(link.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(link.toString()).doesNotContain(link.secret());
    }

    @Test
    @DisplayName("CLI-2 a sign-in link works once, within 15 minutes; a newer link replaces it")
    void singleUseAndExpiry() {
        ClientAccountFixture f = new ClientAccountFixture();
        f.book("claire@example.org", 3);
        EmailAddress claire = EmailAddress.of("claire@example.org");

        SignInLink first = f.accounts().requestSignIn(claire).orElseThrow();
        SignInLink second = f.accounts().requestSignIn(claire).orElseThrow();
        assertThat(reason(f.accounts().signIn(first.secret()))).isEqualTo(Reason.INVALID_TOKEN);
        ClientSignedIn in = f.accounts().signIn(second.secret()).orElseThrow();
        assertThat(in.email()).isEqualTo(claire);
        assertThat(reason(f.accounts().signIn(second.secret()))).isEqualTo(Reason.INVALID_TOKEN);

        SignInLink late = f.accounts().requestSignIn(claire).orElseThrow();
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(reason(f.accounts().signIn(late.secret()))).isEqualTo(Reason.TOKEN_EXPIRED);
        assertThat(reason(f.accounts().signIn("not a token"))).isEqualTo(Reason.INVALID_TOKEN);
    }

    @Test
    @DisplayName("CLI-2 signing out ends the sessions: the old session version is no longer valid")
    void signOut() {
        ClientAccountFixture f = new ClientAccountFixture();
        f.book("claire@example.org", 3);
        ClientSignedIn in = f.signIn("claire@example.org");
        assertThat(f.accounts().sessionValid(in.accountId(), in.sessionVersion())).isTrue();

        f.accounts().signOut(in.accountId());

        assertThat(f.accounts().sessionValid(in.accountId(), in.sessionVersion())).isFalse();
    }

    @Test
    @DisplayName("CLI-2, CX-2 the account sees only its own bookings and cancels them by the link's rules, once per key")
    void bookingsAndCancel() {
        ClientAccountFixture f = new ClientAccountFixture();
        Booking mine = f.book("claire@example.org", 3);
        Booking theirs = f.book("other@example.org", 4);
        ClientSignedIn in = f.signIn("claire@example.org");

        assertThat(f.accounts().bookings(in.accountId())).extracting(Booking::id).containsExactly(mine.id());
        assertThat(reason(f.accounts().cancel(in.accountId(), theirs.id(), f.key("x")))).isEqualTo(Reason.NOT_FOUND);

        Booking cancelled = f.accounts().cancel(in.accountId(), mine.id(), f.key("c")).orElseThrow();
        Booking again = f.accounts().cancel(in.accountId(), mine.id(), f.key("c")).orElseThrow();

        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(again.version()).isEqualTo(cancelled.version());
        assertThat(f.accounts().details(in.accountId()).orElseThrow().name().value()).isEqualTo("Claire claire@example.org");
    }

    @Test
    @DisplayName("CLI-2 the export holds the account, the client files, the bookings and the messages sent to the client")
    void export() {
        ClientAccountFixture f = new ClientAccountFixture();
        Booking mine = f.book("claire@example.org", 3);
        ClientSignedIn in = f.signIn("claire@example.org");

        ClientData data = f.accounts().export(in.accountId()).orElseThrow();

        assertThat(data.clientFiles()).hasSize(1);
        assertThat(data.bookings()).extracting(Booking::id).containsExactly(mine.id());
        assertThat(data.messages()).isNotEmpty().allSatisfy(m -> assertThat(m.bookingId()).contains(mine.id()));
    }

    @Test
    @DisplayName("CLI-2 erasure is refused while a booking is upcoming; once cancelled, details and answers are anonymised, money kept, the account gone")
    void erasure() {
        ClientAccountFixture f = new ClientAccountFixture();
        Booking mine = f.book("claire@example.org", 3);
        ClientSignedIn in = f.signIn("claire@example.org");

        assertThat(reason(f.accounts().erase(in.accountId()))).isEqualTo(Reason.UPCOMING_BOOKINGS);
        f.accounts().cancel(in.accountId(), mine.id(), f.key("c")).orElseThrow();

        Erasure erasure = f.accounts().erase(in.accountId()).orElseThrow();

        assertThat(erasure.clientFiles()).isEqualTo(1);
        assertThat(erasure.bookings()).isEqualTo(1);
        Booking erased = f.engine.bookings().find(f.anna, mine.id()).orElseThrow();
        assertThat(erased.client().name().value()).isEqualTo(ClientAccountService.ERASED_NAME);
        assertThat(erased.client().email().value()).endsWith("@" + ClientAccountService.ERASED_DOMAIN);
        assertThat(erased.answers()).isEmpty();
        assertThat(erased.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(erased.price()).isEqualTo(mine.price());
        assertThat(f.engine.clients().clients(f.anna)).allSatisfy(c ->
                assertThat(c.details().email().value()).doesNotContain("claire"));
        assertThat(f.accounts().sessionValid(in.accountId(), in.sessionVersion())).isFalse();
        assertThat(f.accounts().requestSignIn(EmailAddress.of("claire@example.org"))).isEmpty();
    }

    private static Reason reason(Outcome<?> outcome) {
        return outcome.fold(ok -> null, Outcome.Rejected::reason);
    }

    /** The lifecycle scenario (Anna, shiatsu, weekday openings) seen from client accounts. */
    static final class ClientAccountFixture {
        final Scenario s = Scenario.create();
        final MutableClock clock = s.clock;
        final org.rendezvous.core.Rendezvous engine = s.engine;
        final org.rendezvous.core.practitioner.PractitionerId anna = s.anna;
        private int hour = 9;

        ClientAccountService accounts() {
            return engine.clientAccounts();
        }

        org.rendezvous.core.idempotency.IdempotencyKey key(String value) {
            return org.rendezvous.core.idempotency.IdempotencyKey.of(value);
        }

        /** A booking on the Wednesday of this week, more than 24 h ahead, for this e-mail. */
        Booking book(String email, int unused) {
            return s.book(s.at(java.time.DayOfWeek.WEDNESDAY, hour++),
                    org.rendezvous.core.client.ClientDetails.of("Claire " + email, email, "+33 6 12 34 56 78"));
        }

        ClientSignedIn signIn(String email) {
            return accounts().signIn(accounts().requestSignIn(EmailAddress.of(email)).orElseThrow().secret()).orElseThrow();
        }
    }
}
