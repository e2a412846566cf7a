package org.rendezvous.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import org.rendezvous.core.policy.CommercialModel;

/**
 * The operator's settings, from {@code application.yml} or the environment (README, "Configuration").
 *
 * @param model         who collects the clients' money (RENDEZVOUS_MODEL)
 * @param operatorZone  the zone whose midnight cuts payout cycles (RENDEZVOUS_OPERATOR_ZONE)
 * @param publicBaseUrl where clients reach the app, for links in messages and payment pages (RENDEZVOUS_PUBLIC_BASE_URL)
 */
@ConfigurationProperties("rendezvous")
record HostSettings(CommercialModel model, String operatorZone, URI publicBaseUrl) {
    HostSettings {
        Objects.requireNonNull(model, "rendezvous.model");
        Objects.requireNonNull(publicBaseUrl, "rendezvous.public-base-url");
        try {
            ZoneId.of(Objects.requireNonNull(operatorZone, "rendezvous.operator-zone"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("rendezvous.operator-zone: not a time zone: " + operatorZone, e);
        }
    }

    ZoneId zone() {
        return ZoneId.of(operatorZone);
    }

    /** The public base URL without a trailing slash, to which paths are appended. */
    String baseUrl() {
        return publicBaseUrl.toString().replaceAll("/+$", "");
    }
}
