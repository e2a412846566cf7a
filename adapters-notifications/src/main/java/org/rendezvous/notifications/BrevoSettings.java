package org.rendezvous.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Brevo's transactional SMS API.
 *
 * @param apiKey  sent in the {@code api-key} header
 * @param sender  the sender name shown on the phone: at most 11 letters and digits, or a number
 * @param baseUrl {@code https://api.brevo.com} in production; a local server in tests
 */
public record BrevoSettings(String apiKey, String sender, URI baseUrl, Duration timeout) implements SmsSettings {
    public BrevoSettings {
        Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey: must not be blank");
        }
        Objects.requireNonNull(sender, "sender");
        if (!sender.matches("[A-Za-z0-9]{1,11}|\\+?[0-9]{3,15}")) {
            throw new IllegalArgumentException("sender: at most 11 letters and digits, or a phone number");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static BrevoSettings of(String apiKey, String sender) {
        return new BrevoSettings(apiKey, sender, URI.create("https://api.brevo.com"), Duration.ofSeconds(15));
    }

    public BrevoSettings withBaseUrl(URI value) {
        return new BrevoSettings(apiKey, sender, value, timeout);
    }

    @Override
    public String toString() {
        return "BrevoSettings[sender=" + sender + " " + baseUrl + " apiKey=***]";
    }
}
