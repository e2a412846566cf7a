package org.rendezvous.persistence;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The one place where JDBI is told how this schema's column types meet Java's. */
final class PostgresJdbi {

    private PostgresJdbi() {
    }

    static Jdbi create(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        // A failure names the statement but never the values bound to it: those are clients' names,
        // e-mail addresses and phone numbers, which have no place in a log line.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(failure -> failure.getShortMessage()
                + Optional.ofNullable(failure.getStatementContext()).map(StatementContext::getRawSql)
                        .map(sql -> " [statement: " + sql.strip() + "]").orElse(""));
        // Instants travel as OffsetDateTime in UTC, which the driver sends as timestamptz whatever the JVM's
        // zone; truncated to the microsecond that timestamptz keeps, rather than rounded by the driver.
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                OffsetDateTime utc = value.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
                return (position, statement, context) -> statement.setObject(position, utc);
            }
        });
        // A null UUID must reach the server untyped, or it is taken for a varchar.
        jdbi.registerArgument(new AbstractArgumentFactory<UUID>(Types.OTHER) {
            @Override
            protected Argument build(UUID value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setObject(position, value);
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.DATE) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setObject(position, value);
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalTime>(Types.TIME) {
            @Override
            protected Argument build(LocalTime value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setObject(position, value);
            }
        });
        jdbi.registerColumnMapper(Instant.class, (results, column, context) -> {
            OffsetDateTime value = results.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        });
        jdbi.registerColumnMapper(LocalDate.class, (results, column, context) -> results.getObject(column, LocalDate.class));
        jdbi.registerColumnMapper(LocalTime.class, (results, column, context) -> results.getObject(column, LocalTime.class));
        return jdbi;
    }
}
