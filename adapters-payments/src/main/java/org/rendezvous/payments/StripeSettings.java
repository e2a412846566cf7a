package org.rendezvous.payments;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import org.rendezvous.core.policy.CommercialModel;

/**
 * How the Stripe adapter reaches Stripe, validated on construction so that a bad configuration stops
 * the host at start-up rather than at the first payment.
 *
 * @param secretKey         the platform's secret (or restricted) API key, {@code sk_test_…}, {@code sk_live_…}, {@code rk_…}
 * @param webhookSecret     the signing secret of the webhook endpoint, {@code whsec_…} (PAY-5)
 * @param apiBase           where the API is; {@code https://api.stripe.com} except in tests
 * @param model             the platform's commercial model: direct charges on connected accounts, or charges on the platform
 * @param successUrl        where Checkout sends the client after paying; may contain {@code {CHECKOUT_SESSION_ID}}
 * @param cancelUrl         where Checkout sends a client who gives up
 * @param maxNetworkRetries how often the SDK retries a request that failed on the network, with the same idempotency key
 * @param connectTimeout    how long to wait for a connection
 * @param readTimeout       how long to wait for an answer; past it the call ends as "unreachable" and is asked again later
 */
public record StripeSettings(String secretKey, String webhookSecret, URI apiBase, CommercialModel model,
                             String successUrl, String cancelUrl, int maxNetworkRetries, Duration connectTimeout,
                             Duration readTimeout) {

    public static final URI STRIPE_API = URI.create("https://api.stripe.com");
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);

    public StripeSettings {
        Objects.requireNonNull(secretKey, "secretKey");
        if (!(secretKey.startsWith("sk_") || secretKey.startsWith("rk_")) || secretKey.length() < 10
                || !secretKey.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("secretKey: must be a Stripe secret or restricted key (sk_… or rk_…)");
        }
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (!webhookSecret.startsWith("whsec_") || webhookSecret.length() < 10) {
            throw new IllegalArgumentException("webhookSecret: must be a webhook signing secret (whsec_…)");
        }
        Objects.requireNonNull(apiBase, "apiBase");
        if (!apiBase.isAbsolute() || apiBase.getHost() == null || apiBase.getQuery() != null
                || !("https".equals(apiBase.getScheme()) || "http".equals(apiBase.getScheme()))) {
            throw new IllegalArgumentException("apiBase: must be an absolute http(s) URL without a query");
        }
        if ("http".equals(apiBase.getScheme()) && !isLoopback(apiBase.getHost())) {
            // Plain HTTP is for a local test server only: the key travels in every request.
            throw new IllegalArgumentException("apiBase: must use https unless it is a local test server");
        }
        Objects.requireNonNull(model, "model");
        successUrl = checkedPageUrl(successUrl, "successUrl");
        cancelUrl = checkedPageUrl(cancelUrl, "cancelUrl");
        if (maxNetworkRetries < 0 || maxNetworkRetries > 5) {
            throw new IllegalArgumentException("maxNetworkRetries: must be between 0 and 5");
        }
        checkTimeout(connectTimeout, "connectTimeout");
        checkTimeout(readTimeout, "readTimeout");
    }

    /** Settings against Stripe itself, with 2 network retries, 10 s to connect and 30 s to read. */
    public static StripeSettings of(String secretKey, String webhookSecret, CommercialModel model, String successUrl,
                                    String cancelUrl) {
        return new StripeSettings(secretKey, webhookSecret, STRIPE_API, model, successUrl, cancelUrl, 2,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public StripeSettings withApiBase(URI newApiBase) {
        return new StripeSettings(secretKey, webhookSecret, newApiBase, model, successUrl, cancelUrl, maxNetworkRetries,
                connectTimeout, readTimeout);
    }

    public StripeSettings withNetwork(int retries, Duration connect, Duration read) {
        return new StripeSettings(secretKey, webhookSecret, apiBase, model, successUrl, cancelUrl, retries, connect, read);
    }

    /** Whether the key is a live one: real money moves. */
    public boolean live() {
        return secretKey.contains("_live_");
    }

    /** Never prints the secrets: settings end up in logs. */
    @Override
    public String toString() {
        return "StripeSettings[secretKey=" + secretKey.substring(0, secretKey.indexOf('_', 3) + 1) + "…, webhookSecret=whsec_…"
                + ", apiBase=" + apiBase + ", model=" + model + ", successUrl=" + successUrl + ", cancelUrl=" + cancelUrl
                + ", maxNetworkRetries=" + maxNetworkRetries + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }

    private static String checkedPageUrl(String url, String field) {
        Objects.requireNonNull(url, field);
        URI parsed;
        try {
            parsed = URI.create(url.replace("{CHECKOUT_SESSION_ID}", "cs"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": not a URL", e);
        }
        if (!parsed.isAbsolute() || parsed.getHost() == null
                || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))) {
            throw new IllegalArgumentException(field + ": must be an absolute http(s) URL");
        }
        return url;
    }

    private static void checkTimeout(Duration timeout, String field) {
        Objects.requireNonNull(timeout, field);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException(field + ": must be more than zero and at most 5 minutes");
        }
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            return false; // never resolve a name here: validation must not touch the network
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
