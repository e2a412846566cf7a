package org.rendezvous.app.account;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.app.wiring.RateLimitSettings;
import org.rendezvous.core.contact.EmailAddress;

/**
 * Counts the requests that can make the host send an account e-mail, per recipient address and per client
 * address, in sliding windows read from the injected clock.
 *
 * <p>The counts live in this instance's memory. That is enough for what they protect: an inbox is flooded
 * by hundreds of mails, not by the few extra that N instances behind a load balancer let through (at most
 * N times each limit), and a restart forgets counts that are at most a window old anyway. Keeping them in
 * the database would cost a write per request on routes anyone can call, which is itself a way to load the
 * database. The memory is bounded: entries older than their window are dropped as requests come.
 */
@Singleton
public final class AccountMailLimiter {

    /** What to do with one request. */
    public sealed interface Decision {
    }

    /** Answer as usual and send the mail. */
    public record Send() implements Decision {
    }

    /** Answer as usual but send nothing: the recipient already got enough mail (the caller cannot tell). */
    record Drop() implements Decision {
    }

    /** Refuse the request: this client asked too often; it may try again after {@code retryAfter}. */
    public record Refuse(Duration retryAfter) implements Decision {
    }

    private static final int SWEEP_EVERY = 1_000;

    private final RateLimitSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();
    private final Map<String, Deque<Instant>> byClient = new HashMap<>();
    private int sinceSweep;

    AccountMailLimiter(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts a request from {@code request}'s client for a mail to {@code recipient}. A refused request
     * is not counted for the recipient; a dropped one still counts for the client, so that probing many
     * addresses from one place stays limited.
     */
    public synchronized Decision admit(HttpRequest<?> request, EmailAddress recipient) {
        Instant now = clock.instant();
        if (++sinceSweep >= SWEEP_EVERY) {
            sweep(now);
        }
        Deque<Instant> client = recent(byClient, clientOf(request), settings.perClientWindow(), now);
        if (client.size() >= settings.perClient()) {
            Duration wait = Duration.between(now, client.peekFirst().plus(settings.perClientWindow()));
            return new Refuse(wait.isNegative() ? Duration.ZERO : wait);
        }
        client.addLast(now);
        Deque<Instant> address = recent(byAddress, recipient.value().toLowerCase(Locale.ROOT), settings.perAddressWindow(), now);
        if (address.size() >= settings.perAddress()) {
            return new Drop();
        }
        address.addLast(now);
        return new Send();
    }

    /** The client's address: the trusted proxy's header if one is configured, else the TCP peer. */
    String clientOf(HttpRequest<?> request) {
        Optional<String> header = Optional.ofNullable(settings.clientAddressHeader()).filter(h -> !h.isBlank())
                .flatMap(h -> request.getHeaders().findFirst(h));
        if (header.isPresent()) {
            // The proxy appends the address it saw: the last entry is the one a client cannot forge.
            String[] hops = header.get().split(",");
            return hops[hops.length - 1].trim();
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static Deque<Instant> recent(Map<String, Deque<Instant>> counts, String key, Duration window, Instant now) {
        return forget(counts.computeIfAbsent(key, k -> new ArrayDeque<>()), window, now);
    }

    private static Deque<Instant> forget(Deque<Instant> times, Duration window, Instant now) {
        Instant since = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
        return times;
    }

    private void sweep(Instant now) {
        sinceSweep = 0;
        byClient.values().removeIf(times -> forget(times, settings.perClientWindow(), now).isEmpty());
        byAddress.values().removeIf(times -> forget(times, settings.perAddressWindow(), now).isEmpty());
    }
}
