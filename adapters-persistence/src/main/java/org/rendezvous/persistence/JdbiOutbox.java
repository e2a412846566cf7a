package org.rendezvous.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The outbox (NOT-3). A message already there for the same cause, recipient and channel is not added:
 * {@code ON CONFLICT DO NOTHING} on the unique constraint answers that without an error, so the
 * transaction of the cause goes on.
 */
final class JdbiOutbox implements Outbox {

    public record MessageRow(UUID id, UUID practitionerId, UUID bookingId, String kind, String recipient, String channel,
                      String causeKey, Instant createdAt, Instant deliverAfter) {
    }

    public record ParameterRow(UUID messageId, String name, String value) {
    }

    interface Dao {
        @SqlUpdate("""
                INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at,
                    deliver_after)
                VALUES (:id, :practitionerId, :bookingId, :kind, :recipient, :channel, :causeKey, :createdAt,
                    :deliverAfter)
                ON CONFLICT (cause_key, recipient, channel) DO NOTHING
                """)
        int insert(@BindMethods MessageRow row);

        @SqlBatch("INSERT INTO outbox_parameters (message_id, name, value) VALUES (:messageId, :name, :value)")
        void insertParameters(@BindMethods List<ParameterRow> rows);

        @SqlQuery("""
                SELECT id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at, deliver_after
                FROM outbox WHERE booking_id = :bookingId ORDER BY sequence
                """)
        @RegisterConstructorMapper(MessageRow.class)
        List<MessageRow> aboutBooking(@Bind("bookingId") UUID bookingId);

        @SqlQuery("""
                SELECT p.message_id, p.name, p.value
                FROM outbox_parameters p JOIN outbox o ON o.id = p.message_id
                WHERE o.booking_id = :bookingId
                """)
        @RegisterConstructorMapper(ParameterRow.class)
        List<ParameterRow> parametersAboutBooking(@Bind("bookingId") UUID bookingId);
    }

    private final JdbiTransactions transactions;

    JdbiOutbox(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean append(OutboxMessage m) {
        MessageRow row = new MessageRow(m.id().value(), m.practitionerId().value(),
                m.bookingId().map(BookingId::value).orElse(null), m.kind().name(), m.recipient().name(),
                m.channel().name(), m.causeKey(), m.createdAt(), m.deliverAfter());
        List<ParameterRow> parameters = m.parameters().entrySet().stream()
                .map(e -> new ParameterRow(m.id().value(), e.getKey(), e.getValue())).toList();
        return transactions.withHandle(h -> {
            Dao dao = h.attach(Dao.class);
            if (dao.insert(row) == 0) {
                return false;
            }
            if (!parameters.isEmpty()) {
                dao.insertParameters(parameters);
            }
            return true;
        });
    }

    @Override
    public List<OutboxMessage> aboutBooking(BookingId booking) {
        return transactions.withHandle(h -> {
            Dao dao = h.attach(Dao.class);
            List<MessageRow> rows = dao.aboutBooking(booking.value());
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<UUID, TreeMap<String, String>> parameters = new HashMap<>();
            for (ParameterRow p : dao.parametersAboutBooking(booking.value())) {
                parameters.computeIfAbsent(p.messageId(), k -> new TreeMap<>()).put(p.name(), p.value());
            }
            return rows.stream().map(row -> new OutboxMessage(new OutboxMessageId(row.id()),
                    new PractitionerId(row.practitionerId()), Optional.ofNullable(row.bookingId()).map(BookingId::new),
                    MessageKind.valueOf(row.kind()), Recipient.valueOf(row.recipient()), Channel.valueOf(row.channel()),
                    row.causeKey(), parameters.getOrDefault(row.id(), new TreeMap<>()), row.createdAt(),
                    row.deliverAfter())).toList();
        });
    }
}
