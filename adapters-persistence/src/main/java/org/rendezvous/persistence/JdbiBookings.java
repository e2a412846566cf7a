package org.rendezvous.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.BookedBy;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.BookingTerms;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.booking.Move;
import org.rendezvous.core.booking.Transition;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Bookings in one row each, with their answers, transitions and moves in child tables that an update
 * rewrites with the row. Updates are conditional on the version that was read, as the port asks.
 */
final class JdbiBookings implements Bookings {

    public record BookingRow(UUID id, UUID practitionerId, UUID activityId, UUID clientId, String clientName,
                      String clientEmail, String clientPhone, String clientLanguage, String mode, Instant startAt,
                      Instant endAt, long priceMinor, String currency, long cancellationDeadlineSeconds,
                      int noShowBasisPoints, String paymentArrangement, long minimumNoticeSeconds, String state,
                      String bookedBy, String accessToken, Instant createdAt, Instant expiresAt, long paidMinor,
                      String paymentReference, String guaranteeReference, String settlement,
                      Long settlementAmountMinor, Long settlementRefundedMinor, String settlementCurrency,
                      long version) {
    }

    public record VersionRow(UUID id, long version) {
    }

    public record AnswerRow(UUID bookingId, String question, String answer) {
    }

    public record TransitionRow(UUID bookingId, int seq, String fromState, String toState, Instant at, String cause,
                         String actor) {
    }

    public record MoveRow(UUID bookingId, int seq, Instant previousStart, Instant newStart, Instant at, String actor) {
    }

    private static final String COLUMNS = """
            id, practitioner_id, activity_id, client_id, client_name, client_email, client_phone, client_language,
            mode, start_at, end_at, price_minor, currency, cancellation_deadline_seconds, no_show_basis_points,
            payment_arrangement, minimum_notice_seconds, state, booked_by, access_token, created_at, expires_at,
            paid_minor, payment_reference, guarantee_reference, settlement, settlement_amount_minor,
            settlement_refunded_minor, settlement_currency, version""";

    interface Dao {
        @SqlUpdate("""
                INSERT INTO bookings (<columns>)
                VALUES (:id, :practitionerId, :activityId, :clientId, :clientName, :clientEmail, :clientPhone,
                    :clientLanguage, :mode, :startAt, :endAt, :priceMinor, :currency, :cancellationDeadlineSeconds,
                    :noShowBasisPoints, :paymentArrangement, :minimumNoticeSeconds, :state, :bookedBy, :accessToken,
                    :createdAt, :expiresAt, :paidMinor, :paymentReference, :guaranteeReference, :settlement,
                    :settlementAmountMinor, :settlementRefundedMinor, :settlementCurrency, :version)
                ON CONFLICT (id) DO NOTHING
                """)
        int insert(@Define("columns") String columns, @BindMethods BookingRow row);

        /** Only what a booking's life can change; identity, client, terms and token are frozen at creation. */
        @SqlUpdate("""
                UPDATE bookings SET
                    client_name = :clientName, client_email = :clientEmail, client_phone = :clientPhone,
                    client_language = :clientLanguage, mode = :mode, start_at = :startAt, end_at = :endAt,
                    price_minor = :priceMinor, currency = :currency,
                    cancellation_deadline_seconds = :cancellationDeadlineSeconds,
                    no_show_basis_points = :noShowBasisPoints, payment_arrangement = :paymentArrangement,
                    minimum_notice_seconds = :minimumNoticeSeconds, state = :state, booked_by = :bookedBy,
                    access_token = :accessToken, created_at = :createdAt, expires_at = :expiresAt,
                    paid_minor = :paidMinor, payment_reference = :paymentReference,
                    guarantee_reference = :guaranteeReference, settlement = :settlement,
                    settlement_amount_minor = :settlementAmountMinor,
                    settlement_refunded_minor = :settlementRefundedMinor,
                    settlement_currency = :settlementCurrency, version = :version
                WHERE id = :id AND practitioner_id = :practitionerId AND version = :expectedVersion
                """)
        int update(@BindMethods BookingRow row, @Bind("expectedVersion") long expectedVersion);

        @SqlBatch("INSERT INTO booking_answers (booking_id, question, answer) VALUES (:bookingId, :question, :answer)")
        void insertAnswers(@BindMethods List<AnswerRow> rows);

        @SqlBatch("""
                INSERT INTO booking_transitions (booking_id, seq, from_state, to_state, at, cause, actor)
                VALUES (:bookingId, :seq, :fromState, :toState, :at, :cause, :actor)
                """)
        void insertTransitions(@BindMethods List<TransitionRow> rows);

        @SqlBatch("""
                INSERT INTO booking_moves (booking_id, seq, previous_start, new_start, at, actor)
                VALUES (:bookingId, :seq, :previousStart, :newStart, :at, :actor)
                """)
        void insertMoves(@BindMethods List<MoveRow> rows);

        @SqlUpdate("DELETE FROM booking_answers WHERE booking_id = :id")
        void deleteAnswers(@Bind("id") UUID id);

        @SqlUpdate("DELETE FROM booking_transitions WHERE booking_id = :id")
        void deleteTransitions(@Bind("id") UUID id);

        @SqlUpdate("DELETE FROM booking_moves WHERE booking_id = :id")
        void deleteMoves(@Bind("id") UUID id);

        @SqlQuery("SELECT <columns> FROM bookings WHERE <where> ORDER BY <order> LIMIT :limit <locking>")
        @RegisterConstructorMapper(BookingRow.class)
        List<BookingRow> select(@Define("columns") String columns, @Define("where") String where,
                                @Define("order") String order, @Define("locking") String locking,
                                @BindMethods Criteria criteria, @Bind("limit") int limit);

        @SqlQuery("""
            SELECT id, start_at, end_at FROM bookings
            WHERE practitioner_id = :practitionerId AND state IN ('HELD', 'PENDING', 'CONFIRMED')
              AND start_at < :to AND end_at > :from
            ORDER BY start_at, id""")
        @RegisterConstructorMapper(RangeRow.class)
        List<RangeRow> occupied(@Bind("practitionerId") UUID practitionerId, @Bind("from") Instant from, @Bind("to") Instant to);

        @SqlQuery("SELECT id, version FROM bookings WHERE id = ANY (string_to_array(:ids, ',')::uuid[])")
        @RegisterConstructorMapper(VersionRow.class)
        List<VersionRow> versions(@Bind("ids") String ids);

        @SqlQuery("""
                SELECT booking_id, question, answer FROM booking_answers
                WHERE booking_id = ANY (string_to_array(:ids, ',')::uuid[]) ORDER BY booking_id, question
                """)
        @RegisterConstructorMapper(AnswerRow.class)
        List<AnswerRow> answers(@Bind("ids") String ids);

        @SqlQuery("""
                SELECT booking_id, seq, from_state, to_state, at, cause, actor FROM booking_transitions
                WHERE booking_id = ANY (string_to_array(:ids, ',')::uuid[]) ORDER BY booking_id, seq
                """)
        @RegisterConstructorMapper(TransitionRow.class)
        List<TransitionRow> transitions(@Bind("ids") String ids);

        @SqlQuery("""
                SELECT booking_id, seq, previous_start, new_start, at, actor FROM booking_moves
                WHERE booking_id = ANY (string_to_array(:ids, ',')::uuid[]) ORDER BY booking_id, seq
                """)
        @RegisterConstructorMapper(MoveRow.class)
        List<MoveRow> moves(@Bind("ids") String ids);
    }

    /** The values a query's WHERE clause may refer to; unused ones are null. */
    public record Criteria(UUID id, String accessToken, UUID practitionerId, UUID clientId, Instant from, Instant to,
                           Instant cursorStart, UUID cursorId) {
        static Criteria none() {
            return new Criteria(null, null, null, null, null, null, null, null);
        }
    }

    private static final String SEAT_HOLDING = "state IN ('HELD', 'PENDING', 'CONFIRMED')";
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final JdbiTransactions transactions;

    JdbiBookings(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Booking booking) {
        BookingRow row = row(booking);
        transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.insert(COLUMNS, row) == 0) {
                throw new IllegalStateException("booking " + booking.id() + " exists already");
            }
            return null;
        });
        deferChildren(booking);
    }

    /**
     * A new booking's answers, history and moves, sent with the unit of work's other deferred writes (one
     * statement for all of them and the booking's messages) rather than one batch each.
     */
    private void deferChildren(Booking booking) {
        UUID id = booking.id().value();
        List<JdbiTransactions.Deferred> parts = new ArrayList<>();
        SqlValues answers = new SqlValues();
        booking.answers().forEach((question, answer) -> answers.row(id, question, answer));
        if (!answers.isEmpty()) {
            parts.add(JdbiTransactions.Deferred.insert("INSERT INTO booking_answers (booking_id, question, answer) VALUES "
                    + answers.sql() + " RETURNING 1", answers.bindings()));
        }
        List<Transition> history = booking.history();
        SqlValues transitions = new SqlValues();
        for (int i = 0; i < history.size(); i++) {
            Transition t = history.get(i);
            transitions.row(id, i, t.from().map(Enum::name).orElse(null), t.to().name(), t.at(), t.cause().name(),
                    t.actor().name());
        }
        if (!transitions.isEmpty()) {
            parts.add(JdbiTransactions.Deferred.insert("""
                    INSERT INTO booking_transitions (booking_id, seq, from_state, to_state, at, cause, actor)
                    VALUES """ + transitions.sql() + " RETURNING 1", transitions.bindings()));
        }
        List<Move> moves = booking.moves();
        SqlValues moveRows = new SqlValues();
        for (int i = 0; i < moves.size(); i++) {
            Move m = moves.get(i);
            moveRows.row(id, i, m.previousStart(), m.newStart(), m.at(), m.actor().name());
        }
        if (!moveRows.isEmpty()) {
            parts.add(JdbiTransactions.Deferred.insert("""
                    INSERT INTO booking_moves (booking_id, seq, previous_start, new_start, at, actor)
                    VALUES """ + moveRows.sql() + " RETURNING 1", moveRows.bindings()));
        }
        if (!parts.isEmpty()) {
            transactions.defer(parts.toArray(JdbiTransactions.Deferred[]::new));
        }
    }

    @Override
    public boolean update(Booking changed, long expectedVersion) {
        BookingRow row = row(changed);
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (dao.update(row, expectedVersion) == 0) {
                return false;
            }
            UUID id = changed.id().value();
            dao.deleteAnswers(id);
            dao.deleteTransitions(id);
            dao.deleteMoves(id);
            insertChildren(dao, changed);
            return true;
        });
    }

    @Override
    public Optional<Booking> find(BookingId id) {
        return select("id = :id", "id", criteria(id.value(), null, null, null, null, null), 1).stream().findFirst();
    }

    @Override
    public Optional<Booking> findByAccessToken(AccessToken token) {
        return select("access_token = :accessToken", "id", criteria(null, token.value(), null, null, null, null), 1)
                .stream().findFirst();
    }

    @Override
    public List<Booking> seatHolding(PractitionerId practitioner, Instant from, Instant to) {
        return select("practitioner_id = :practitionerId AND " + SEAT_HOLDING + " AND start_at < :to AND end_at > :from",
                "start_at, id", criteria(null, null, practitioner.value(), null, from, to), UNLIMITED);
    }

    /** Only the ranges: availability needs no answers, history or moves, so none are read (one statement, not five). */
    @Override
    public List<TimeRange> occupied(PractitionerId practitioner, Instant from, Instant to, Optional<BookingId> leaving) {
        return transactions.withHandle((Handle h) -> transactions.attach(h, Dao.class)
                .occupied(practitioner.value(), from, to)
                .stream()
                .filter(row -> leaving.isEmpty() || !leaving.get().value().equals(row.id()))
                .map(row -> new TimeRange(row.startAt(), row.endAt()))
                .toList());
    }

    /** A seat-holding booking's place in time. */
    public record RangeRow(UUID id, Instant startAt, Instant endAt) {
    }

    @Override
    public List<Booking> ofPractitioner(PractitionerId practitioner, Instant from, Instant to) {
        return select("practitioner_id = :practitionerId AND start_at < :to AND end_at > :from", "start_at, id",
                criteria(null, null, practitioner.value(), null, from, to), UNLIMITED);
    }

    @Override
    public List<Booking> ofClient(PractitionerId practitioner, ClientId client) {
        return select("practitioner_id = :practitionerId AND client_id = :clientId", "start_at, id",
                criteria(null, null, practitioner.value(), client.value(), null, null), UNLIMITED);
    }

    @Override
    public List<Booking> expiringBy(Instant now, int limit) {
        return select("state IN ('HELD', 'PENDING') AND expires_at <= :to", "expires_at, id",
                criteria(null, null, null, null, null, now), limit);
    }

    @Override
    public List<Booking> confirmedEndedBy(Instant now, int limit) {
        return select("state = 'CONFIRMED' AND end_at <= :to", "end_at, id",
                criteria(null, null, null, null, null, now), limit);
    }

    @Override
    public List<Booking> pendingCreatedBy(Instant createdBy, int limit) {
        return select("state = 'PENDING' AND created_at <= :to", "created_at, id",
                criteria(null, null, null, null, null, createdBy), limit);
    }

    private static Criteria criteria(UUID id, String token, UUID practitioner, UUID client, Instant from, Instant to) {
        return new Criteria(id, token, practitioner, client, from, to, null, null);
    }

    /**
     * The bookings a WHERE clause (of this package's own constants, never of input) selects, with their
     * children; {@link JdbiReminderCandidates} queries through it too. Outside a unit of work the
     * statements share one REPEATABLE READ snapshot. Inside one (READ COMMITTED) a booking changed and
     * committed by another unit of work between the statements could be seen with the children of
     * another version: its version is read again after the children, and the read is done again if it
     * moved. Should that keep happening, the last read takes a share lock on the rows ({@code FOR SHARE}),
     * which holds their writers off until this unit of work ends. Under the agenda lock none of this
     * happens: every writer of its bookings waits, so bookings whose agendas this unit of work has locked
     * are not read again.
     */
    List<Booking> select(String where, String order, Criteria criteria, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.withHandle((Handle h) -> {
            Dao dao = transactions.attach(h, Dao.class);
            boolean inUnitOfWork = transactions.inUnitOfWork();
            for (int attempt = 1; ; attempt++) {
                boolean lastAttempt = attempt >= JdbiTransactions.ATTEMPTS;
                String locking = inUnitOfWork && lastAttempt ? "FOR SHARE" : "";
                List<BookingRow> rows = dao.select(COLUMNS, where, order, locking, criteria, limit);
                if (rows.isEmpty()) {
                    return List.<Booking>of();
                }
                String ids = SqlArrays.join(rows.stream().map(BookingRow::id).toList());
                List<Booking> found = withChildren(dao, rows, ids);
                // Under the rows' agenda locks no writer can have come in between: no second read (issue 15).
                if (!inUnitOfWork || lastAttempt || rows.stream().allMatch(r -> transactions.holdsAgenda(r.practitionerId()))
                        || unchanged(dao, rows, ids)) {
                    return found;
                }
            }
        });
    }

    private static boolean unchanged(Dao dao, List<BookingRow> rows, String ids) {
        Map<UUID, Long> now = new HashMap<>();
        dao.versions(ids).forEach(v -> now.put(v.id(), v.version()));
        return rows.stream().allMatch(row -> Long.valueOf(row.version()).equals(now.get(row.id())));
    }

    private static List<Booking> withChildren(Dao dao, List<BookingRow> rows, String ids) {
        Map<UUID, Map<String, String>> answers = new HashMap<>();
        for (AnswerRow a : dao.answers(ids)) {
            answers.computeIfAbsent(a.bookingId(), k -> new TreeMap<>()).put(a.question(), a.answer());
        }
        Map<UUID, List<Transition>> history = new HashMap<>();
        for (TransitionRow t : dao.transitions(ids)) {
            history.computeIfAbsent(t.bookingId(), k -> new ArrayList<>()).add(new Transition(
                    Optional.ofNullable(t.fromState()).map(BookingState::valueOf), BookingState.valueOf(t.toState()),
                    t.at(), Cause.valueOf(t.cause()), Actor.valueOf(t.actor())));
        }
        Map<UUID, List<Move>> moves = new HashMap<>();
        for (MoveRow m : dao.moves(ids)) {
            moves.computeIfAbsent(m.bookingId(), k -> new ArrayList<>()).add(new Move(m.previousStart(),
                    m.newStart(), m.at(), Actor.valueOf(m.actor())));
        }
        return rows.stream().map(row -> booking(row, answers.getOrDefault(row.id(), Map.of()),
                history.getOrDefault(row.id(), List.of()), moves.getOrDefault(row.id(), List.of()))).toList();
    }

    private static void insertChildren(Dao dao, Booking booking) {
        UUID id = booking.id().value();
        if (!booking.answers().isEmpty()) {
            dao.insertAnswers(booking.answers().entrySet().stream()
                    .map(e -> new AnswerRow(id, e.getKey(), e.getValue())).toList());
        }
        List<Transition> history = booking.history();
        dao.insertTransitions(IntStream.range(0, history.size()).mapToObj(i -> {
            Transition t = history.get(i);
            return new TransitionRow(id, i, t.from().map(Enum::name).orElse(null), t.to().name(), t.at(),
                    t.cause().name(), t.actor().name());
        }).toList());
        List<Move> moves = booking.moves();
        if (!moves.isEmpty()) {
            dao.insertMoves(IntStream.range(0, moves.size()).mapToObj(i -> {
                Move m = moves.get(i);
                return new MoveRow(id, i, m.previousStart(), m.newStart(), m.at(), m.actor().name());
            }).toList());
        }
    }

    // Mapping

    private static BookingRow row(Booking b) {
        BookingTerms terms = b.terms();
        String settlement = null;
        Long amount = null;
        Long refunded = null;
        String settlementCurrency = null;
        if (b.settlement().isPresent()) {
            MoneyDecision decision = b.settlement().get();
            if (decision instanceof MoneyDecision.NoMoneyMoves) {
                settlement = "NO_MONEY_MOVES";
            } else if (decision instanceof MoneyDecision.ReleaseGuarantee) {
                settlement = "RELEASE_GUARANTEE";
            } else if (decision instanceof MoneyDecision.RefundInFull refund) {
                settlement = "REFUND_IN_FULL";
                amount = refund.amount().minorUnits();
                settlementCurrency = refund.amount().currency().getCurrencyCode();
            } else if (decision instanceof MoneyDecision.KeepFromPrepayment keep) {
                settlement = "KEEP_FROM_PREPAYMENT";
                amount = keep.kept().minorUnits();
                refunded = keep.refunded().minorUnits();
                settlementCurrency = keep.kept().currency().getCurrencyCode();
                if (!keep.refunded().currency().equals(keep.kept().currency())) {
                    throw new IllegalArgumentException("settlement: kept and refunded in two currencies");
                }
            } else if (decision instanceof MoneyDecision.ChargeGuarantee charge) {
                settlement = "CHARGE_GUARANTEE";
                amount = charge.amount().minorUnits();
                settlementCurrency = charge.amount().currency().getCurrencyCode();
            } else {
                throw new IllegalArgumentException("settlement: unknown decision " + decision);
            }
        }
        ClientDetails client = b.client();
        return new BookingRow(b.id().value(), b.practitionerId().value(), b.activityId().value(), b.clientId().value(),
                client.name().value(), client.email().value(), client.phone().value(), client.language().name(),
                b.mode().name(), b.start(), b.end(), terms.price().minorUnits(),
                terms.price().currency().getCurrencyCode(), seconds(terms.cancellationDeadline(), "cancellationDeadline"),
                terms.noShowPercentage().basisPoints(), terms.payment().name(),
                seconds(terms.minimumNotice(), "minimumNotice"), b.state().name(), b.bookedBy().name(),
                b.accessToken().value(), b.createdAt(), b.expiresAt().orElse(null), b.paid().minorUnits(),
                b.paymentReference().orElse(null), b.guaranteeReference().orElse(null), settlement, amount, refunded,
                settlementCurrency, b.version());
    }

    private static Booking booking(BookingRow row, Map<String, String> answers, List<Transition> history,
                                   List<Move> moves) {
        Currency currency = Currency.getInstance(row.currency());
        BookingTerms terms = new BookingTerms(new Money(row.priceMinor(), currency),
                Duration.ofSeconds(row.cancellationDeadlineSeconds()), Percent.ofBasisPoints(row.noShowBasisPoints()),
                PaymentArrangement.valueOf(row.paymentArrangement()), Duration.ofSeconds(row.minimumNoticeSeconds()));
        ClientDetails client = new ClientDetails(PersonName.of(row.clientName()), EmailAddress.of(row.clientEmail()),
                new PhoneNumber(row.clientPhone()), Language.valueOf(row.clientLanguage()));
        return Booking.restore(new BookingId(row.id()), new PractitionerId(row.practitionerId()),
                new ActivityId(row.activityId()), new ClientId(row.clientId()), client, answers,
                ConsultationMode.valueOf(row.mode()), row.startAt(), row.endAt(), terms, BookingState.valueOf(row.state()),
                BookedBy.valueOf(row.bookedBy()), new AccessToken(row.accessToken()), row.createdAt(),
                Optional.ofNullable(row.expiresAt()), new Money(row.paidMinor(), currency),
                Optional.ofNullable(row.paymentReference()), Optional.ofNullable(row.guaranteeReference()),
                settlement(row), history, moves, row.version());
    }

    private static Optional<MoneyDecision> settlement(BookingRow row) {
        if (row.settlement() == null) {
            return Optional.empty();
        }
        Currency currency = row.settlementCurrency() == null ? null : Currency.getInstance(row.settlementCurrency());
        return Optional.of(switch (row.settlement()) {
            case "NO_MONEY_MOVES" -> new MoneyDecision.NoMoneyMoves();
            case "RELEASE_GUARANTEE" -> new MoneyDecision.ReleaseGuarantee();
            case "REFUND_IN_FULL" -> new MoneyDecision.RefundInFull(new Money(row.settlementAmountMinor(), currency));
            case "KEEP_FROM_PREPAYMENT" -> new MoneyDecision.KeepFromPrepayment(
                    new Money(row.settlementAmountMinor(), currency), new Money(row.settlementRefundedMinor(), currency));
            case "CHARGE_GUARANTEE" -> new MoneyDecision.ChargeGuarantee(new Money(row.settlementAmountMinor(), currency));
            default -> throw new IllegalStateException("settlement: unknown kind " + row.settlement());
        });
    }

    /** Terms are frozen from whole-minute settings; a fraction of a second would not survive the column. */
    private static long seconds(Duration duration, String field) {
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException(field + ": whole seconds only, was " + duration);
        }
        return duration.getSeconds();
    }
}
