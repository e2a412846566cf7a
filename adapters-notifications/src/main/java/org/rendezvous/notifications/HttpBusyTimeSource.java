package org.rendezvous.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.FetchFailure;
import org.rendezvous.core.port.BusyTimeSource;

/**
 * Fetches a practitioner's own calendar over HTTP with the JDK client (issue 14 item 3): short connect and read
 * timeouts (the whole answer must arrive within {@code readTimeout}), {@code If-None-Match} and {@code
 * If-Modified-Since} from the last read (304 keeps the busy periods), a size limit, and at most
 * {@value #MAX_REDIRECTS} redirects, each to an address {@link CalendarAddress} accepts (never from https down to
 * http). Only the job calls it, never the booking path. The address is never logged nor put in a failure detail.
 */
public final class HttpBusyTimeSource implements BusyTimeSource {

    public static final int MAX_REDIRECTS = 3;

    /** Timeouts and the size limit. */
    public record Settings(Duration connectTimeout, Duration readTimeout, long maxBytes) {
        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout: must be positive");
            }
            if (readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("readTimeout: must be positive");
            }
            if (maxBytes < 1024) {
                throw new IllegalArgumentException("maxBytes: at least 1024");
            }
        }

        /** 5 s to connect, 15 s for the whole answer, 5 MiB. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(15), 5L * 1024 * 1024);
        }
    }

    private final Settings settings;
    private final HttpClient client;

    public HttpBusyTimeSource(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Fetch fetch(Request request) {
        URI uri = request.address().uri();
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).GET()
                    .header("Accept", "text/calendar, */*;q=0.5").header("User-Agent", "Rendezvous calendar import");
            request.etag().ifPresent(tag -> http.header("If-None-Match", tag));
            request.lastModified().ifPresent(date -> http.header("If-Modified-Since", date));
            CompletableFuture<HttpResponse<InputStream>> sent =
                    client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<InputStream> response;
            try {
                response = sent.get(settings.readTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                sent.cancel(true);
                return new Fetch.Failed(FetchFailure.TIMEOUT, "no answer within " + seconds(settings.readTimeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Fetch.Failed(FetchFailure.TIMEOUT, "interrupted");
            } catch (ExecutionException e) {
                return failure(e.getCause());
            }
            int status = response.statusCode();
            if (status == 304) {
                close(response.body());
                return new Fetch.NotModified();
            }
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                close(response.body());
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
                    return new Fetch.Failed(FetchFailure.TOO_MANY_REDIRECTS, "more than " + MAX_REDIRECTS + " redirects");
                }
                try {
                    uri = new CalendarAddress(uri.resolve(location.get()).toString()).uri();
                } catch (IllegalArgumentException e) {
                    return new Fetch.Failed(FetchFailure.TOO_MANY_REDIRECTS, "redirected to an address not allowed");
                }
                continue;
            }
            if (status != 200) {
                close(response.body());
                return new Fetch.Failed(FetchFailure.HTTP_STATUS, String.valueOf(status));
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > settings.maxBytes()) {
                close(response.body());
                return tooLarge();
            }
            byte[] body;
            try {
                body = read(response.body());
            } catch (TimeoutException e) {
                return new Fetch.Failed(FetchFailure.TIMEOUT, "no answer within " + seconds(settings.readTimeout()));
            } catch (IOException e) {
                return failure(e);
            }
            if (body == null) {
                return tooLarge();
            }
            try {
                List<TimeRange> busy = BusyTimeParser.busy(new String(body, StandardCharsets.UTF_8), request.zone(),
                        request.from(), request.to());
                return new Fetch.Read(busy, response.headers().firstValue("ETag"),
                        response.headers().firstValue("Last-Modified"));
            } catch (BusyTimeParser.NotACalendar e) {
                return new Fetch.Failed(FetchFailure.NOT_A_CALENDAR, e.getMessage());
            }
        }
    }

    private Fetch.Failed tooLarge() {
        return new Fetch.Failed(FetchFailure.TOO_LARGE, "larger than " + settings.maxBytes() + " bytes");
    }

    /** The body, up to the limit (null beyond it), within the read timeout. */
    private byte[] read(InputStream in) throws IOException, TimeoutException {
        CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
            try (in) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
                return bytes.length > settings.maxBytes() ? null : bytes;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return reading.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close(in);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(in);
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    private Fetch.Failed failure(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new Fetch.Failed(FetchFailure.TIMEOUT, "no connection within " + seconds(settings.connectTimeout()));
        }
        if (cause instanceof HttpTimeoutException) {
            return new Fetch.Failed(FetchFailure.TIMEOUT, "no answer within " + seconds(settings.readTimeout()));
        }
        if (cause instanceof ConnectException) {
            return new Fetch.Failed(FetchFailure.UNREACHABLE, "connection refused");
        }
        return new Fetch.Failed(FetchFailure.UNREACHABLE, cause == null ? "unknown" : cause.getClass().getSimpleName());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to do with this answer
        }
    }
}
