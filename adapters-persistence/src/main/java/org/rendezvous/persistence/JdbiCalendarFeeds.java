package org.rendezvous.persistence;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.calendar.FeedToken;
import org.rendezvous.core.port.CalendarFeeds;
import org.rendezvous.core.practitioner.PractitionerId;

/** Calendar feed tokens in {@code calendar_feeds}, one row per practitioner (CAL-2). */
final class JdbiCalendarFeeds implements CalendarFeeds {

    interface Dao {
        @SqlQuery("SELECT token FROM calendar_feeds WHERE practitioner_id = :practitionerId")
        Optional<String> token(@Bind("practitionerId") UUID practitionerId);

        @SqlUpdate("""
                INSERT INTO calendar_feeds (practitioner_id, token) VALUES (:practitionerId, :token)
                ON CONFLICT (practitioner_id) DO UPDATE SET token = excluded.token
                """)
        int replace(@Bind("practitionerId") UUID practitionerId, @Bind("token") String token);

        @SqlQuery("SELECT practitioner_id FROM calendar_feeds WHERE token = :token")
        Optional<UUID> owner(@Bind("token") String token);
    }

    private final JdbiTransactions transactions;

    JdbiCalendarFeeds(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<FeedToken> token(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).token(practitioner.value())).map(FeedToken::new);
    }

    @Override
    public void replace(PractitionerId practitioner, FeedToken token) {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(token, "token");
        transactions.withHandle(h -> transactions.attach(h, Dao.class).replace(practitioner.value(), token.value()));
    }

    @Override
    public Optional<PractitionerId> owner(FeedToken token) {
        Objects.requireNonNull(token, "token");
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).owner(token.value())).map(PractitionerId::new);
    }
}
