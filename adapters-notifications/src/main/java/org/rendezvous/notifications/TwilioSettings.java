package org.rendezvous.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Twilio's Messages API.
 *
 * @param accountSid the account ({@code AC…}), also the basic-auth user
 * @param authToken  the basic-auth password
 * @param from       an E.164 number, an alphanumeric sender id, or a messaging service ({@code MG…})
 * @param baseUrl    {@code https://api.twilio.com} in production; a local server in tests
 */
public record TwilioSettings(String accountSid, String authToken, String from, URI baseUrl, Duration timeout)
        implements SmsSettings {
    public TwilioSettings {
        Objects.requireNonNull(accountSid, "accountSid");
        if (!accountSid.matches("AC[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("accountSid: must be AC followed by 32 hexadecimal digits");
        }
        Objects.requireNonNull(authToken, "authToken");
        if (authToken.isBlank()) {
            throw new IllegalArgumentException("authToken: must not be blank");
        }
        Objects.requireNonNull(from, "from");
        if (from.isBlank()) {
            throw new IllegalArgumentException("from: must not be blank");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static TwilioSettings of(String accountSid, String authToken, String from) {
        return new TwilioSettings(accountSid, authToken, from, URI.create("https://api.twilio.com"),
                Duration.ofSeconds(15));
    }

    public TwilioSettings withBaseUrl(URI value) {
        return new TwilioSettings(accountSid, authToken, from, value, timeout);
    }

    @Override
    public String toString() {
        return "TwilioSettings[" + accountSid + " from=" + from + " " + baseUrl + " authToken=***]";
    }
}
