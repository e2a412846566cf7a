package org.rendezvous.notifications;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP server.
 *
 * @param security {@code NONE} (local relays and tests only), {@code STARTTLS} (usually port 587) or
 *                 {@code TLS} (implicit TLS, usually port 465)
 * @param username with {@code password}, for SMTP AUTH; both or neither
 * @param timeout  for connecting, reading and writing
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> username,
                           Optional<String> password, Duration timeout) {

    public enum Security {
        NONE,
        STARTTLS,
        TLS
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host: must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port: must be from 1 to 65535");
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("password: give both username and password, or neither");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive");
        }
    }

    public static SmtpSettings of(String host, int port, Security security) {
        return new SmtpSettings(host, port, security, Optional.empty(), Optional.empty(), Duration.ofSeconds(20));
    }

    public SmtpSettings withCredentials(String user, String secret) {
        return new SmtpSettings(host, port, security, Optional.of(user), Optional.of(secret), timeout);
    }

    public SmtpSettings withTimeout(Duration value) {
        return new SmtpSettings(host, port, security, username, password, value);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + " " + security + " user=" + username.orElse("-")
                + " password=" + (password.isPresent() ? "***" : "-") + "]";
    }
}
