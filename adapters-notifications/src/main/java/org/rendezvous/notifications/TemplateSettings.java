package org.rendezvous.notifications;

import java.net.URI;
import java.util.Objects;

/**
 * What the templates need to know about the host.
 *
 * @param productName     the name signed under every message, e.g. {@code "Rendezvous"}
 * @param bookingLinkBase the client's booking page; the booking's access token is appended to it
 *                        (ACC-2), e.g. {@code https://rdv.example.org/b/}
 * @param dashboardLink   where a practitioner manages their agenda
 */
public record TemplateSettings(String productName, URI bookingLinkBase, URI dashboardLink) {
    public TemplateSettings {
        Objects.requireNonNull(productName, "productName");
        if (productName.isBlank() || productName.length() > 60) {
            throw new IllegalArgumentException("productName: must be 1 to 60 characters");
        }
        requireHttp(bookingLinkBase, "bookingLinkBase");
        requireHttp(dashboardLink, "dashboardLink");
    }

    private static void requireHttp(URI uri, String field) {
        Objects.requireNonNull(uri, field);
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(field + ": must be an absolute http(s) URL");
        }
    }

    public static TemplateSettings of(String productName, String bookingLinkBase, String dashboardLink) {
        return new TemplateSettings(productName, URI.create(bookingLinkBase), URI.create(dashboardLink));
    }
}
