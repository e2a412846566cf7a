package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.port.contract.StoreFixtures;
import org.rendezvous.core.practitioner.Practitioner;

/** The zero-set-up entry point: an embedded PostgreSQL whose data outlives it. */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("what was stored in an embedded database is there again after a restart on the same directory")
    void dataIsKeptAcrossRestarts() throws SQLException {
        Path data = directory.resolve("postgres");
        Practitioner anna = new StoreFixtures().practitioner();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 2)) {
            Stores stores = PostgresStores.migrateAndOpen(database.dataSource());
            stores.practitioners().add(anna);
            assertThat(setting(database, "synchronous_commit")).as("a commit waits for the disk").isEqualTo("on");
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).as("the data directory is kept").isTrue();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 2)) {
            Stores stores = PostgresStores.migrateAndOpen(database.dataSource());
            assertThat(stores.practitioners().find(anna.id())).contains(anna);
        }
    }

    private static String setting(EmbeddedDatabase database, String name) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
