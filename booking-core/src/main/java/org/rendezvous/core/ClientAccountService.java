package org.rendezvous.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientAccount;
import org.rendezvous.core.client.ClientAccountId;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientSignedIn;
import org.rendezvous.core.client.Erasure;
import org.rendezvous.core.client.SignInLink;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.ClientAccounts;
import org.rendezvous.core.port.Clients;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.Transactions;

/**
 * Clients' optional, passwordless accounts (CLI-2). A client proves their e-mail address with a
 * single-use sign-in link valid 15 minutes (its secret has at least 128 random bits and is stored as its
 * SHA-256 only); the account then reaches every booking of that address in every practitioner's client
 * file. Cancelling and moving go through the very commands of the booking link (CX-1 … CX-3, CX-6, BK-7,
 * BK-8), so an account can do nothing the link could not. Booking never needs an account.
 *
 * <p>Erasure anonymises the client's entries in every client file and the details and answers of their
 * bookings, then removes the account. It is refused while a booking still holds a seat in the future: the
 * client cancels it first, under the cancellation rules. Issued invoices are not touched (they must be kept
 * as issued) and the ledger holds no personal data (only booking ids and amounts).
 */
public final class ClientAccountService {

    /** The name an erased client's records carry. */
    public static final String ERASED_NAME = "Erased client";
    /** The phone an erased client's records carry: country code 999 is assigned to no country (ITU-T E.164). */
    public static final String ERASED_PHONE = "+9990000000";
    /** The domain of an erased client's placeholder e-mail: {@code .invalid} never delivers (RFC 2606). */
    public static final String ERASED_DOMAIN = "erased.invalid";

    private static final String INVALID = "token: unknown or already used; ask for a new sign-in link";

    private final Clients clients;
    private final Bookings bookingsStore;
    private final Outbox outbox;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final LockedSaves saves;
    private final ClientBookingService bookings;
    private final ClientAccounts accounts;

    ClientAccountService(Clients clients, Bookings bookingsStore, Outbox outbox, Transactions transactions, Ids ids,
                         Now clock, LockedSaves saves, ClientBookingService bookings, ClientAccounts accounts) {
        this.clients = clients;
        this.bookingsStore = bookingsStore;
        this.outbox = outbox;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.saves = saves;
        this.bookings = bookings;
        this.accounts = Objects.requireNonNull(accounts, "clientAccounts");
    }

    /**
     * A new sign-in link for an e-mail address that some practitioner's client file knows, replacing an
     * earlier one; empty (and nothing stored) otherwise. The host sends the link and answers the same either
     * way, so that the answer does not tell who is a client.
     */
    public Optional<SignInLink> requestSignIn(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        List<Client> files = clients.withEmail(email);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        ClientDetails latest = files.get(files.size() - 1).details();
        return Optional.of(transactions.inTransaction(() -> {
            Instant now = clock.instant();
            ClientAccount account = accounts.findByEmail(email).orElseGet(() -> {
                ClientAccount created = ClientAccount.create(new ClientAccountId(ids.newId()), email, now);
                return accounts.add(created) ? created : accounts.findByEmail(email).orElseThrow();
            });
            String secret = ids.newAccessToken().value();
            ClientAccount linked = account.withLink(TokenDigest.of(secret), now);
            accounts.update(linked);
            return new SignInLink(account.id(), email, latest.name(), latest.language(), secret,
                    linked.linkExpiresAt().orElseThrow());
        }));
    }

    /** The link from the e-mail: once, within 15 minutes; the session it opens carries the account's version. */
    public Outcome<ClientSignedIn> signIn(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Outcome.rejected(Reason.INVALID_TOKEN, INVALID);
        }
        TokenDigest digest = TokenDigest.of(token);
        Optional<ClientAccount> found = accounts.findByLink(digest);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_TOKEN, INVALID);
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<ClientAccount> current = accounts.find(found.get().id())
                    .filter(a -> a.linkDigest().filter(digest::equals).isPresent());
            if (current.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_TOKEN, INVALID);
            }
            if (current.get().linkExpiredAt(now)) {
                return Outcome.rejected(Reason.TOKEN_EXPIRED, "token: the sign-in link expired at "
                        + current.get().linkExpiresAt().orElseThrow() + "; ask for a new one");
            }
            if (!accounts.useLink(current.get().id(), digest)) {
                return Outcome.rejected(Reason.INVALID_TOKEN, INVALID);
            }
            return Outcome.accepted(new ClientSignedIn(current.get().id(), current.get().email(),
                    current.get().sessionVersion()));
        });
    }

    /** Ends every session of the account. */
    public void signOut(ClientAccountId id) {
        transactions.inTransaction(() -> {
            accounts.find(id).ifPresent(a -> accounts.update(a.signedOut()));
            return null;
        });
    }

    /** Whether a session issued with this version is still good (false once signed out or erased). */
    public boolean sessionValid(ClientAccountId id, long sessionVersion) {
        return accounts.find(id).filter(a -> a.sessionVersion() == sessionVersion).isPresent();
    }

    public Optional<ClientAccount> account(ClientAccountId id) {
        return accounts.find(id);
    }

    /** Every booking of the account's e-mail with every practitioner, in any state, by start. */
    public List<Booking> bookings(ClientAccountId id) {
        return accounts.find(id).map(a -> bookingsOf(a.email())).orElse(List.of());
    }

    /** One of the account's bookings; empty for anyone else's. */
    public Optional<Booking> booking(ClientAccountId id, BookingId bookingId) {
        return bookings(id).stream().filter(b -> b.id().equals(bookingId)).findFirst();
    }

    /** BK-1: the details of the client's latest booking, to fill in the next booking form. */
    public Optional<ClientDetails> details(ClientAccountId id) {
        Optional<ClientAccount> account = accounts.find(id);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientDetails> fromBookings = bookingsOf(account.get().email()).stream()
                .max(Comparator.comparing(Booking::createdAt)).map(Booking::client);
        if (fromBookings.isPresent()) {
            return fromBookings;
        }
        List<Client> files = clients.withEmail(account.get().email());
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(files.size() - 1).details());
    }

    /** CX-1 … CX-3, CX-6 from the account: the same command, rules and idempotency as through the booking link. */
    public Outcome<Booking> cancel(ClientAccountId id, BookingId bookingId, IdempotencyKey key) {
        return booking(id, bookingId).map(b -> bookings.cancelByClient(new CancelByClientCommand(b.accessToken(), key)))
                .orElseGet(() -> Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking in this account"));
    }

    /** BK-7, CX-6 from the account: the same command, rules and idempotency as through the booking link. */
    public Outcome<Booking> move(ClientAccountId id, BookingId bookingId, Instant newStart, IdempotencyKey key) {
        Objects.requireNonNull(newStart, "newStart");
        return booking(id, bookingId)
                .map(b -> bookings.moveByClient(new MoveByClientCommand(b.accessToken(), newStart, key)))
                .orElseGet(() -> Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking in this account"));
    }

    /** Everything stored about the account's e-mail address, for the client to download. */
    public Outcome<ClientData> export(ClientAccountId id) {
        Optional<ClientAccount> account = accounts.find(id);
        if (account.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "account: no such client account");
        }
        List<Booking> all = bookingsOf(account.get().email());
        List<OutboxMessage> messages = new ArrayList<>();
        for (Booking booking : all) {
            outbox.aboutBooking(booking.id()).stream()
                    .filter(m -> m.recipient() == Recipient.CLIENT).forEach(messages::add);
        }
        return Outcome.accepted(new ClientData(account.get(), clients.withEmail(account.get().email()),
                all, messages, clock.instant()));
    }

    /**
     * Erases the client's personal data in every practitioner's file and removes the account: refused with
     * UPCOMING_BOOKINGS while a booking still holds a seat and has not ended (cancel it first, under the
     * rules). Each practitioner's part is done under their agenda's lock; repeating it erases nothing more.
     */
    public Outcome<Erasure> erase(ClientAccountId id) {
        Optional<ClientAccount> account = accounts.find(id);
        if (account.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "account: no such client account");
        }
        Instant now = clock.instant();
        Optional<Outcome<Erasure>> refusal = upcoming(bookingsOf(account.get().email()), now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        int files = 0;
        int erasedBookings = 0;
        for (Client file : clients.withEmail(account.get().email())) {
            Outcome<Integer> done = transactions.inAgenda(file.practitionerId(), () -> {
                List<Booking> ofFile = bookingsStore.ofClient(file.practitionerId(), file.id());
                Optional<Outcome<Erasure>> late = upcoming(ofFile, clock.instant());
                if (late.isPresent()) {
                    return Outcome.<Integer>rejected(Reason.UPCOMING_BOOKINGS, "bookings: a booking was made meanwhile");
                }
                ClientDetails anonymous = new ClientDetails(PersonName.of(ERASED_NAME),
                        EmailAddress.of("erased-" + file.id() + "@" + ERASED_DOMAIN), PhoneNumber.of(ERASED_PHONE),
                        file.details().language());
                clients.update(file.withDetails(anonymous));
                for (Booking booking : ofFile) {
                    saves.save(booking, booking.withClientErased(anonymous));
                }
                return Outcome.accepted(ofFile.size());
            });
            if (!done.isAccepted()) {
                return Outcome.rejected(Reason.UPCOMING_BOOKINGS,
                        "bookings: a booking was made meanwhile; cancel it, then erase again");
            }
            files++;
            erasedBookings += done.orElseThrow();
        }
        transactions.inTransaction(() -> {
            accounts.remove(id);
            return null;
        });
        return Outcome.accepted(new Erasure(files, erasedBookings, now));
    }

    private static Optional<Outcome<Erasure>> upcoming(List<Booking> bookings, Instant now) {
        long count = bookings.stream().filter(b -> b.holdsSeat() && b.end().isAfter(now)).count();
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(Outcome.rejected(Reason.UPCOMING_BOOKINGS, "bookings: " + count
                + " booking(s) still to come; cancel them first, under the cancellation rules, then erase"));
    }

    private List<Booking> bookingsOf(EmailAddress email) {
        List<Booking> all = new ArrayList<>();
        for (Client file : clients.withEmail(email)) {
            all.addAll(bookingsStore.ofClient(file.practitionerId(), file.id()));
        }
        all.sort(Comparator.comparing(Booking::start).thenComparing(b -> b.id().value()));
        return all;
    }
}
