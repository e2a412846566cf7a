package org.rendezvous.persistence;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payment.InstructionKind;
import org.rendezvous.core.payment.InstructionState;
import org.rendezvous.core.payment.PaymentInstruction;
import org.rendezvous.core.payment.PaymentInstructionId;
import org.rendezvous.core.port.PaymentInstructions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Payment instructions, one row each, unique per cause key ({@code ON CONFLICT DO NOTHING} answers a
 * second one). An update applies only if the row is still, column for column, the version the caller
 * read: two instances recording an answer for the same instruction cannot both succeed.
 */
final class JdbiPaymentInstructions implements PaymentInstructions {

    public record InstructionRow(UUID id, UUID practitionerId, UUID bookingId, String kind, long amountMinor,
                                 String currency, String causeKey, String state, int attempts, Instant dueAt,
                                 String providerReference, String lastError, Instant createdAt, Instant updatedAt) {
    }

    private static final String COLUMNS = """
            id, practitioner_id, booking_id, kind, amount_minor, currency, cause_key, state, attempts, due_at,
            provider_reference, last_error, created_at, updated_at""";

    interface Dao {
        @SqlUpdate("""
                INSERT INTO payment_instructions (<columns>)
                VALUES (:id, :practitionerId, :bookingId, :kind, :amountMinor, :currency, :causeKey, :state, :attempts,
                    :dueAt, :providerReference, :lastError, :createdAt, :updatedAt)
                ON CONFLICT (cause_key) DO NOTHING
                """)
        int insert(@Define("columns") String columns, @BindMethods InstructionRow row);

        /** What an instruction's life changes, if every column is still as the caller read it. */
        @SqlUpdate("""
                UPDATE payment_instructions SET
                    state = :next.state, attempts = :next.attempts, due_at = :next.dueAt,
                    provider_reference = :next.providerReference, last_error = :next.lastError,
                    updated_at = :next.updatedAt
                WHERE id = :expected.id AND practitioner_id = :expected.practitionerId
                    AND booking_id = :expected.bookingId AND kind = :expected.kind
                    AND amount_minor = :expected.amountMinor AND currency = :expected.currency
                    AND cause_key = :expected.causeKey AND state = :expected.state
                    AND attempts = :expected.attempts AND due_at = :expected.dueAt
                    AND provider_reference IS NOT DISTINCT FROM :expected.providerReference
                    AND last_error IS NOT DISTINCT FROM :expected.lastError
                    AND created_at = :expected.createdAt AND updated_at = :expected.updatedAt
                """)
        int update(@BindMethods("expected") InstructionRow expected, @BindMethods("next") InstructionRow next);

        @SqlQuery("SELECT <columns> FROM payment_instructions WHERE id = :id")
        @RegisterConstructorMapper(InstructionRow.class)
        Optional<InstructionRow> find(@Define("columns") String columns, @Bind("id") UUID id);

        @SqlQuery("""
                SELECT <columns> FROM payment_instructions
                WHERE state = 'DUE' AND due_at <= :now
                ORDER BY due_at, id
                LIMIT :limit
                """)
        @RegisterConstructorMapper(InstructionRow.class)
        List<InstructionRow> due(@Define("columns") String columns, @Bind("now") Instant now, @Bind("limit") int limit);

        @SqlQuery("SELECT <columns> FROM payment_instructions WHERE booking_id = :bookingId ORDER BY created_at, id")
        @RegisterConstructorMapper(InstructionRow.class)
        List<InstructionRow> ofBooking(@Define("columns") String columns, @Bind("bookingId") UUID bookingId);
    }

    private final JdbiTransactions transactions;

    JdbiPaymentInstructions(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(PaymentInstruction instruction) {
        InstructionRow row = row(instruction);
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).insert(COLUMNS, row)) == 1;
    }

    @Override
    public Optional<PaymentInstruction> find(PaymentInstructionId id) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(COLUMNS, id.value()))
                .map(JdbiPaymentInstructions::instruction);
    }

    /**
     * Only state, attempts, due time, provider reference, error and update time can change (what
     * {@link PaymentInstruction}'s transitions change); a {@code next} that changes anything else is a bug.
     */
    @Override
    public boolean update(PaymentInstruction expected, PaymentInstruction next) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        if (!expected.id().equals(next.id())) {
            return false;
        }
        if (!expected.practitionerId().equals(next.practitionerId()) || !expected.bookingId().equals(next.bookingId())
                || expected.kind() != next.kind() || !expected.amount().equals(next.amount())
                || !expected.causeKey().equals(next.causeKey()) || !expected.createdAt().equals(next.createdAt())) {
            throw new IllegalArgumentException("next: an instruction's practitioner, booking, kind, amount, cause "
                    + "and creation time never change");
        }
        InstructionRow expectedRow = row(expected);
        InstructionRow nextRow = row(next);
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).update(expectedRow, nextRow)) == 1;
    }

    @Override
    public List<PaymentInstruction> due(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).due(COLUMNS, now, limit)).stream()
                .map(JdbiPaymentInstructions::instruction).toList();
    }

    @Override
    public List<PaymentInstruction> ofBooking(BookingId booking) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).ofBooking(COLUMNS, booking.value())).stream()
                .map(JdbiPaymentInstructions::instruction).toList();
    }

    private static InstructionRow row(PaymentInstruction i) {
        return new InstructionRow(i.id().value(), i.practitionerId().value(), i.bookingId().value(), i.kind().name(),
                i.amount().minorUnits(), i.amount().currency().getCurrencyCode(), i.causeKey(), i.state().name(),
                i.attempts(), i.dueAt(), i.providerReference().orElse(null), i.lastError().orElse(null), i.createdAt(),
                i.updatedAt());
    }

    private static PaymentInstruction instruction(InstructionRow row) {
        return new PaymentInstruction(new PaymentInstructionId(row.id()), new PractitionerId(row.practitionerId()),
                new BookingId(row.bookingId()), InstructionKind.valueOf(row.kind()),
                new Money(row.amountMinor(), Currency.getInstance(row.currency())), row.causeKey(),
                InstructionState.valueOf(row.state()), row.attempts(), row.dueAt(),
                Optional.ofNullable(row.providerReference()), Optional.ofNullable(row.lastError()), row.createdAt(),
                row.updatedAt());
    }
}
