package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import org.rendezvous.core.policy.CommercialModel;

/**
 * The operator's settings, from {@code application.yml} or the environment (README, "Configuration").
 *
 * @param model         who collects the clients' money (RENDEZVOUS_MODEL)
 * @param operatorZone  the zone whose midnight cuts payout cycles (RENDEZVOUS_OPERATOR_ZONE)
 * @param publicBaseUrl where clients reach the app, for links in messages and payment pages (RENDEZVOUS_PUBLIC_BASE_URL);
 *                      blank means {@code http://localhost:<localPort>}
 * @param localPort     the port the server listens on (RENDEZVOUS_PORT), for the default base URL
 */
@ConfigurationProperties("rendezvous")
public record HostSettings(CommercialModel model, String operatorZone, @Nullable String publicBaseUrl, @Nullable Integer localPort) {
    public HostSettings {
        Objects.requireNonNull(model, "rendezvous.model");
        try {
            ZoneId.of(Objects.requireNonNull(operatorZone, "rendezvous.operator-zone"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("rendezvous.operator-zone: not a time zone: " + operatorZone, e);
        }
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            // A newcomer who moves the port (8080 taken) still gets links that open; -1 is a test's random port.
            int port = localPort == null || localPort <= 0 ? 8080 : localPort;
            publicBaseUrl = "http://localhost:" + port;
        }
        publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(publicBaseUrl);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("rendezvous.public-base-url: an absolute http(s) URL, got " + publicBaseUrl);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("rendezvous.public-base-url: not a URL: " + publicBaseUrl, e);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(operatorZone);
    }

    /** The public base URL without a trailing slash, to which paths are appended. */
    public String baseUrl() {
        return publicBaseUrl;
    }
}
