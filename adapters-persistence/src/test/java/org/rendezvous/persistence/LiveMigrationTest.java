package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * V3 on a database that holds data written by the previous version, which an instance not yet upgraded
 * keeps writing after the migration (a rolling upgrade): nothing it wrote or writes is invalid, and the
 * new version reads it with the defaults.
 */
class LiveMigrationTest {

    private static final UUID ANNA = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID BRUNO = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID BEFORE = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID AFTER = UUID.fromString("00000000-0000-4000-8000-0000000000a2");

    private final String schema = "rendezvous_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private DataSource dataSource;

    @BeforeEach
    void schemaAtV1() {
        dataSource = TestDatabase.newPoolOnNewSchema(schema, 2);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1").load().migrate();
    }

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    @DisplayName("NOT-2 NOT-3 rows written by the previous version, before and after V3, are valid: PENDING messages due at their deliver_after, default reminder offsets")
    void previousVersionKeepsWorking() throws SQLException {
        previousVersionWrites(ANNA, BEFORE, "2030-03-04T09:00:00Z");

        PostgresStores.migrate(dataSource);
        previousVersionWrites(BRUNO, AFTER, "2030-03-04T08:30:00Z");
        Stores stores = PostgresStores.open(dataSource);

        for (UUID practitioner : List.of(ANNA, BRUNO)) {
            AgendaSettings settings = stores.agendas().settings(new PractitionerId(practitioner)).orElseThrow();
            assertThat(settings.firstReminder()).isEqualTo(Duration.ofHours(48));
            assertThat(settings.secondReminder()).isEqualTo(Duration.ofHours(24));
        }
        OutboxEntry before = stores.outbox().entry(new OutboxMessageId(BEFORE)).orElseThrow();
        assertThat(before.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(before.attempts()).isZero();
        assertThat(before.nextAttemptAt()).isEqualTo(Instant.parse("2030-03-04T09:00:00Z"));
        assertThat(before.lastError()).isEmpty();
        assertThat(before.finishedAt()).isEmpty();
        Instant now = Instant.parse("2030-03-04T10:00:00Z");
        List<ClaimedMessage> claimed = stores.outbox().claimDue(now, 10, new Lease("new-version", now.plusSeconds(60)));
        assertThat(claimed).extracting(c -> c.message().id().value()).containsExactly(AFTER, BEFORE);
        assertThat(stores.outbox().markDelivered(new OutboxMessageId(BEFORE), now, "ref-1")).isTrue();
        assertThat(stores.outbox().entry(new OutboxMessageId(BEFORE)).orElseThrow().state())
                .isEqualTo(DeliveryState.DELIVERED);
    }

    /** What version 1 wrote when a practitioner registered and was told something: V1's columns only. */
    private void previousVersionWrites(UUID practitioner, UUID message, String deliverAfter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO practitioners (id, name, email, phone, language, registered_at) VALUES ('"
                    + practitioner + "', 'Anna', 'anna@example.org', NULL, 'FRENCH', '2030-03-01T08:00:00Z')");
            statement.execute("""
                    INSERT INTO agenda_settings (practitioner_id, zone, spacing_minutes, default_capacity,
                        minimum_notice_minutes, horizon_minutes, confirmation, cancellation_deadline_minutes,
                        clients_may_cancel, clients_may_move, no_show_basis_points, online_payment,
                        payment_window_minutes, waitlist_alerts, currency)
                    VALUES ('%s', 'Europe/Paris', 0, 1, 120, 86400, 'MANUAL', 1440, true, true, 0, 'NONE', 30,
                        false, 'EUR')
                    """.formatted(practitioner));
            statement.execute("""
                    INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at,
                        deliver_after)
                    VALUES ('%s', '%s', NULL, 'QUOTA_REACHED', 'PRACTITIONER', 'EMAIL', 'quota:%s',
                        '2030-03-04T08:00:00Z', '%s')
                    """.formatted(message, practitioner, message, deliverAfter));
        }
    }
}
