package org.rendezvous.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 15, item 5: the pool's bounds, which make an outage a quick answer rather than a hang. */
class ConnectionPoolTest {

    @Test
    @DisplayName("a request waits for a connection at most the connection timeout, and checks idle ones within half of it")
    void boundedWaits() {
        HikariConfig pool = ConnectionPool.config("jdbc:postgresql://127.0.0.1:5432/x", "postgres", null, 2,
                Duration.ofMillis(1500), "bounded");
        assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
        assertThat(pool.getValidationTimeout()).isEqualTo(750);
        assertThat(pool.getDataSourceProperties()).containsEntry("logServerErrorDetail", "false")
                .containsEntry("connectTimeout", "1");
    }

    @Test
    @DisplayName("a pool on a database that does not answer fails to open at once, naming nothing secret")
    void unreachableFailsFast() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> ConnectionPool.open("jdbc:postgresql://127.0.0.1:1/nowhere", "postgres", "", 1,
                ConnectionPool.DEFAULT_CONNECTION_TIMEOUT, "nowhere")).isInstanceOf(RuntimeException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("sizes and timeouts below what HikariCP accepts are refused naming the field")
    void refusesNonsense() {
        assertThatThrownBy(() -> ConnectionPool.open("jdbc:postgresql://127.0.0.1:1/x", "u", "", 0, Duration.ofSeconds(1), "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("size:");
        assertThatThrownBy(() -> ConnectionPool.open("jdbc:postgresql://127.0.0.1:1/x", "u", "", 1, Duration.ofMillis(100), "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connectionTimeout:");
    }
}
