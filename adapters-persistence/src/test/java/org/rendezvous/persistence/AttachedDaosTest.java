package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SQL objects are attached once per unit of work and kept on its handle, never carried over to another
 * handle: every store call still runs on the unit of work's connection (AG-10 relies on it: the agenda
 * lock and what is read under it are one transaction).
 */
class AttachedDaosTest {

    interface Probe {
        @SqlQuery("SELECT pg_backend_pid()")
        int backend();
    }

    private JdbiTransactions transactions;

    @BeforeEach
    void setUp() {
        transactions = (JdbiTransactions) TestDatabase.freshStores().transactions();
    }

    @Test
    @DisplayName("within a unit of work, every store call gets the same SQL object, on the unit of work's connection")
    void oneSqlObjectPerUnitOfWork() {
        List<Probe> probes = new ArrayList<>();
        List<Integer> backends = new ArrayList<>();
        transactions.inTransaction(() -> {
            for (int call = 0; call < 3; call++) {
                transactions.withHandle(h -> {
                    Probe probe = transactions.attach(h, Probe.class);
                    probes.add(probe);
                    backends.add(probe.backend());
                    backends.add(h.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());
                    return null;
                });
            }
            return null;
        });

        assertThat(probes).allSatisfy(probe -> assertThat(probe).isSameAs(probes.get(0)));
        assertThat(backends).containsOnly(backends.get(0));
    }

    @Test
    @DisplayName("a SQL object is not carried over to the next unit of work, whose handle is another")
    void notCarriedOverToTheNextUnitOfWork() {
        Probe first = transactions.inTransaction(() -> transactions.withHandle(h -> transactions.attach(h, Probe.class)));
        Probe second = transactions.inTransaction(() -> transactions.withHandle(h -> {
            Probe probe = transactions.attach(h, Probe.class);
            probe.backend();
            return probe;
        }));

        assertThat(second).isNotSameAs(first);
    }

    @Test
    @DisplayName("outside a unit of work, and on a connection of its own, each call attaches to its own handle")
    void attachedAfreshOutsideTheUnitOfWork() {
        Probe alone = transactions.withHandle(h -> transactions.attach(h, Probe.class));
        Probe again = transactions.withHandle(h -> {
            Probe probe = transactions.attach(h, Probe.class);
            probe.backend();
            return probe;
        });
        assertThat(again).isNotSameAs(alone);

        List<Integer> backends = new ArrayList<>();
        transactions.inTransaction(() -> transactions.withHandle(h -> {
            backends.add(transactions.attach(h, Probe.class).backend());
            backends.add(transactions.inOwnTransaction(own -> transactions.attach(own, Probe.class).backend()));
            return null;
        }));
        assertThat(backends.get(1)).isNotEqualTo(backends.get(0));
    }
}
