package org.rendezvous.core.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The secret address of a practitioner's own calendar (an iCalendar feed), whose busy times block their
 * availability. {@code https} only, as any calendar service gives it; {@code webcal://} (what Apple and Outlook
 * show) is read as {@code https://}. Plain {@code http} is accepted for the loopback host only (a feed served
 * on the same machine, and the tests). At most {@value #MAX_LENGTH} characters, no user name or password in
 * it. Kept as given (it is the practitioner's secret for their own calendar), shown only {@link #masked}, and
 * never written to logs ({@link #toString}).
 */
public record CalendarAddress(String value) {

    public static final int MAX_LENGTH = 2000;

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public CalendarAddress {
        Objects.requireNonNull(value, "address");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("address: must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("address: at most " + MAX_LENGTH + " characters");
        }
        if (value.regionMatches(true, 0, "webcal://", 0, 9)) {
            value = "https://" + value.substring(9);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("address: not a web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            throw new IllegalArgumentException("address: not a web address");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("address: must not carry a user name or password");
        }
        boolean loopback = LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("address: must start with https:// (or webcal://)");
        }
    }

    public URI uri() {
        return URI.create(value);
    }

    /** What the dashboard shows: the scheme and host, then the last four characters; the secret path is hidden. */
    public String masked() {
        URI uri = uri();
        String tail = value.length() > 4 ? value.substring(value.length() - 4) : "";
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + "/…" + tail;
    }

    @Override
    public String toString() {
        return "CalendarAddress[" + masked() + "]";
    }
}
