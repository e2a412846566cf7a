package org.rendezvous.payments;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rendezvous.core.booking.BookingId;

/**
 * A local stand-in for Stripe's API, on 127.0.0.1 and a random port, speaking its wire format: form
 * encoded requests ({@code metadata[booking_id]=…}), JSON objects with {@code id} and {@code object},
 * errors as {@code {"error": {...}}} with Stripe's statuses, lists and search results, idempotency keys
 * replayed per account as Stripe does (the same key with other parameters is an {@code idempotency_error}).
 * It records every request, and faults can be injected: an error status before any work, or a slow
 * answer after the work is done (a timeout in which the money moved). Thread-safe.
 */
public final class FakeStripe implements AutoCloseable {

    public static final String PLATFORM = "platform";
    /** Test cards, as Stripe's test mode names them. */
    public static final String CARD_OK = "pm_card_visa";
    public static final String CARD_NEEDS_AUTHENTICATION = "pm_card_authenticationRequired";
    public static final String CARD_DECLINED = "pm_card_chargeDeclined";
    public static final String CARD_REQUIRES_ACTION = "pm_card_threeDSecureRequired";

    /** One request as the fake received it; {@code params} are the decoded form (or query) fields, flat. */
    public record Recorded(String method, String path, Map<String, String> params, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String param(String name) {
            return params.get(name);
        }
    }

    private record Reply(int status, String body, boolean replayed) {
    }

    private record Stored(String fingerprint, Reply reply) {
    }

    private record Fault(String method, String pathPrefix, int status, String body, Duration delay) {
    }

    private static final Gson GSON = new Gson();
    private static final Pattern METADATA_QUERY = Pattern.compile("metadata\\['([a-z_]+)'\\]:'([^']*)'");
    private static final Pattern STATUS_QUERY = Pattern.compile("status:'([a-z_]+)'");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-stripe");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = new ArrayList<>();
    // Guarded by this: objects by id (ids are unique across accounts), their account, replies by key.
    private final Map<String, JsonObject> objects = new LinkedHashMap<>();
    private final Map<String, String> accounts = new LinkedHashMap<>();
    private final Map<String, Stored> replies = new LinkedHashMap<>();
    private final Map<String, Long> refunded = new LinkedHashMap<>();
    // Checkout Sessions' payment_intent_data[application_fee_amount], for the PaymentIntent made when the client pays.
    private final Map<String, Long> checkoutFees = new LinkedHashMap<>();

    public FakeStripe(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // What the tests look at

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Recorded> requests(String method, String path) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public Recorded last(String method, String path) {
        List<Recorded> found = requests(method, path);
        if (found.isEmpty()) {
            throw new AssertionError("no " + method + " " + path + " in " + requests());
        }
        return found.get(found.size() - 1);
    }

    public synchronized JsonObject object(String id) {
        JsonObject found = objects.get(id);
        if (found == null) {
            throw new AssertionError("no object " + id);
        }
        return found.deepCopy();
    }

    /** The objects of a kind on an account, oldest first. */
    public synchronized List<JsonObject> objects(String kind, String account) {
        return objects.entrySet().stream()
                .filter(e -> kind.equals(e.getValue().get("object").getAsString()) && account.equals(accounts.get(e.getKey())))
                .map(e -> e.getValue().deepCopy()).toList();
    }

    /** Card payments that took money on an account: what "charged twice" would show. */
    public List<JsonObject> succeededPayments(String account) {
        return objects("payment_intent", account).stream()
                .filter(pi -> "succeeded".equals(pi.get("status").getAsString())).toList();
    }

    // Faults

    /** The next matching request gets this status and error, before any work is done (nothing is stored). */
    public synchronized void failNext(String method, String pathPrefix, int status, String type, String code) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        if (code != null) {
            error.addProperty("code", code);
        }
        error.addProperty("message", "injected " + status + " " + (code == null ? type : code));
        JsonObject body = new JsonObject();
        body.add("error", error);
        faults.add(new Fault(method, pathPrefix, status, GSON.toJson(body), Duration.ZERO));
    }

    /** The next matching request is done, but its answer leaves only after {@code delay}. */
    public synchronized void answerLate(String method, String pathPrefix, Duration delay) {
        faults.add(new Fault(method, pathPrefix, 0, null, delay));
    }

    // What the client did on Stripe's pages, and what Stripe already holds

    /** A succeeded payment for a booking, as if the client paid through Checkout; its PaymentIntent id. */
    public synchronized String succeededPayment(String account, BookingId booking, long amount, String currency) {
        return succeededPayment(account, booking, amount, currency, 0);
    }

    /**
     * A succeeded direct payment on a connected account whose charge took the platform's {@code applicationFee}
     * (an {@code application_fee} object on the platform, named by the charge); its PaymentIntent id.
     */
    public synchronized String succeededPayment(String account, BookingId booking, long amount, String currency,
                                                long applicationFee) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty(StripePaymentGateway.BOOKING_ID, booking.toString());
        metadata.addProperty(StripePaymentGateway.FLOW, "checkout");
        JsonObject intent = paymentIntent(amount, currency, null, null, metadata, "succeeded");
        if (applicationFee > 0) {
            intent.addProperty("application_fee_amount", applicationFee);
        }
        store(intent, account);
        charged(intent, account);
        return intent.get("id").getAsString();
    }

    /** A card saved for a booking: a customer and a succeeded SetupIntent; the SetupIntent's id. */
    public synchronized String savedCard(String account, BookingId booking, String paymentMethod) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty(StripePaymentGateway.BOOKING_ID, booking.toString());
        JsonObject customer = customer("client@example.org", metadata);
        store(customer, account);
        JsonObject setup = setupIntent(customer.get("id").getAsString(), paymentMethod, metadata);
        store(setup, account);
        return setup.get("id").getAsString();
    }

    /** The client completes a Checkout page: the session as Stripe then sends it in checkout.session.completed. */
    public synchronized JsonObject complete(String sessionId) {
        JsonObject session = objects.get(sessionId);
        String account = accounts.get(sessionId);
        session.addProperty("status", "complete");
        session.addProperty("payment_status", "paid");
        if ("payment".equals(session.get("mode").getAsString())) {
            JsonObject intentMetadata = session.getAsJsonObject("rdv_intent_metadata");
            JsonObject intent = paymentIntent(session.get("amount_total").getAsLong(), session.get("currency").getAsString(),
                    null, null, intentMetadata, "succeeded");
            if (checkoutFees.containsKey(sessionId)) {
                intent.addProperty("application_fee_amount", checkoutFees.get(sessionId));
            }
            store(intent, account);
            charged(intent, account);
            session.addProperty("payment_intent", intent.get("id").getAsString());
        } else {
            session.addProperty("payment_status", "no_payment_required");
            JsonObject setup = setupIntent(session.get("customer").getAsString(), CARD_OK,
                    session.getAsJsonObject("rdv_setup_metadata"));
            store(setup, account);
            session.addProperty("setup_intent", setup.get("id").getAsString());
        }
        JsonObject sent = session.deepCopy();
        sent.remove("rdv_intent_metadata");
        sent.remove("rdv_setup_metadata");
        return sent;
    }

    // Connect (issue 12): Express accounts, Account Links, their events

    /** What the practitioner does on Stripe's onboarding pages: every detail given and checked. */
    public synchronized JsonObject completeOnboarding(String accountId) {
        JsonObject account = objects.get(accountId);
        account.addProperty("details_submitted", true);
        account.addProperty("charges_enabled", account.getAsJsonObject("capabilities").has("card_payments"));
        account.addProperty("payouts_enabled", true);
        for (String capability : account.getAsJsonObject("capabilities").keySet()) {
            account.getAsJsonObject("capabilities").addProperty(capability, "active");
        }
        account.add("requirements", requirements(List.of(), List.of(), null));
        return account.deepCopy();
    }

    /** Details given, Stripe still verifying them: nothing enabled meanwhile. */
    public synchronized JsonObject submitDetails(String accountId) {
        JsonObject account = objects.get(accountId);
        account.addProperty("details_submitted", true);
        account.add("requirements", requirements(List.of(), List.of(), "requirements.pending_verification"));
        return account.deepCopy();
    }

    /** Stripe reverses a transfer in full (the connected account's bank refused, say): the transfer as then sent. */
    public synchronized JsonObject reverseTransfer(String transferId) {
        JsonObject transfer = objects.get(transferId);
        transfer.addProperty("amount_reversed", transfer.get("amount").getAsLong());
        transfer.addProperty("reversed", true);
        return transfer.deepCopy();
    }

    /**
     * A webhook delivery as Stripe sends it, signed with {@code secret} at the clock's time; {@code account}
     * is set for a connected account's event (Connect), null for the platform's own.
     */
    public String signedEvent(String eventId, String type, JsonObject object, String account, String secret, StringBuilder signature) {
        JsonObject data = new JsonObject();
        data.add("object", object);
        JsonObject event = new JsonObject();
        event.addProperty("id", eventId);
        event.addProperty("object", "event");
        event.addProperty("api_version", com.stripe.Stripe.API_VERSION);
        event.addProperty("created", clock.instant().getEpochSecond());
        event.addProperty("type", type);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        if (account != null) {
            event.addProperty("account", account);
        }
        event.add("data", data);
        String body = GSON.toJson(event);
        try {
            signature.append(com.stripe.net.Webhook.Signature.generateSignatureHeader(body, secret,
                    clock.instant().getEpochSecond()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return body;
    }

    private Reply routeConnect(String method, String path, Map<String, String> p, String account) {
        if (method.equals("POST") && path.equals("/v1/accounts")) {
            return createAccount(p);
        }
        Matcher retrieve = Pattern.compile("/v1/accounts/(acct_[A-Za-z0-9_]+)").matcher(path);
        if (method.equals("GET") && retrieve.matches()) {
            JsonObject found = objects.get(retrieve.group(1));
            return found == null || !"account".equals(found.get("object").getAsString())
                    ? error(403, "invalid_request_error", "account_invalid",
                            "The provided key does not have access to account '" + retrieve.group(1) + "'.", null)
                    : ok(found.deepCopy());
        }
        if (method.equals("POST") && path.equals("/v1/account_links")) {
            return createAccountLink(p);
        }
        return null;
    }

    private Reply createAccount(Map<String, String> p) {
        if (!"express".equals(p.get("type"))) {
            return error(400, "invalid_request_error", null, "This fake opens Express accounts only.", "type");
        }
        if (p.get("country") == null || !p.get("country").matches("[A-Z]{2}") || "KP".equals(p.get("country"))) {
            return error(400, "invalid_request_error", "country_unsupported", "Country " + p.get("country")
                    + " is not supported by Connect.", "country");
        }
        JsonObject account = new JsonObject();
        account.addProperty("id", "acct_test" + next() + "Fake");
        account.addProperty("object", "account");
        account.addProperty("type", "express");
        account.addProperty("country", p.get("country"));
        account.addProperty("email", p.get("email"));
        account.addProperty("created", clock.instant().getEpochSecond());
        account.addProperty("details_submitted", false);
        account.addProperty("charges_enabled", false);
        account.addProperty("payouts_enabled", false);
        JsonObject capabilities = new JsonObject();
        for (String capability : List.of("card_payments", "transfers")) {
            if ("true".equals(p.get("capabilities[" + capability + "][requested]"))) {
                capabilities.addProperty(capability, "inactive");
            }
        }
        if (capabilities.size() == 0) {
            return error(400, "invalid_request_error", null, "Express accounts need at least one capability.", "capabilities");
        }
        account.add("capabilities", capabilities);
        account.add("requirements", requirements(List.of("business_profile.url", "external_account",
                "individual.first_name", "individual.last_name", "tos_acceptance.date"), List.of(), "requirements.past_due"));
        account.add("metadata", metadata(p, "metadata"));
        return ok(store(account, PLATFORM));
    }

    private Reply createAccountLink(Map<String, String> p) {
        JsonObject account = p.get("account") == null ? null : objects.get(p.get("account"));
        if (account == null) {
            return error(400, "invalid_request_error", "resource_missing", "No such account: '" + p.get("account") + "'",
                    "account");
        }
        String type = p.get("type");
        if (!"account_onboarding".equals(type) && !"account_update".equals(type)) {
            return error(400, "invalid_request_error", null, "Invalid type: " + type, "type");
        }
        if ("account_update".equals(type) && "express".equals(account.get("type").getAsString())) {
            return error(400, "invalid_request_error", null,
                    "You cannot create `account_update` type Account Links for Express accounts.", "type");
        }
        for (String url : List.of("refresh_url", "return_url")) {
            if (p.get(url) == null) {
                return error(400, "invalid_request_error", "parameter_missing", "Missing required param: " + url + ".", url);
            }
        }
        long now = clock.instant().getEpochSecond();
        JsonObject link = new JsonObject();
        link.addProperty("object", "account_link");
        link.addProperty("created", now);
        link.addProperty("expires_at", now + 300);
        link.addProperty("url", "https://connect.stripe.com/setup/e/" + p.get("account") + "/" + type + next());
        return ok(link);
    }

    private static JsonObject requirements(List<String> currentlyDue, List<String> pastDue, String disabledReason) {
        JsonObject requirements = new JsonObject();
        JsonArray due = new JsonArray();
        currentlyDue.forEach(due::add);
        JsonArray past = new JsonArray();
        pastDue.forEach(past::add);
        requirements.add("currently_due", due);
        requirements.add("eventually_due", due.deepCopy());
        requirements.add("past_due", past);
        requirements.add("pending_verification", new JsonArray());
        if (disabledReason == null) {
            requirements.add("disabled_reason", JsonNull.INSTANCE);
        } else {
            requirements.addProperty("disabled_reason", disabledReason);
        }
        return requirements;
    }

    // Billing (PLAN-3): subscriptions on the platform, their invoices and the customer portal

    /** How long the fake's subscription periods are (Stripe's months vary; the engine reads the period it is given). */
    public static final long PERIOD_SECONDS = 30L * 86_400;

    /**
     * The practitioner pays a subscription Checkout page: a subscription (trialing until {@code trial_end} if
     * one was asked) and its first invoice, paid; the invoice as {@code invoice.paid} sends it.
     */
    public synchronized JsonObject completeSubscription(String sessionId) {
        JsonObject session = objects.get(sessionId);
        String account = accounts.get(sessionId);
        JsonObject wanted = session.getAsJsonObject("rdv_subscription");
        long now = clock.instant().getEpochSecond();
        long end = wanted.has("trial_end") ? wanted.get("trial_end").getAsLong() : now + PERIOD_SECONDS;
        JsonObject subscription = new JsonObject();
        subscription.addProperty("id", "sub_test_" + next());
        subscription.addProperty("object", "subscription");
        subscription.addProperty("customer", session.get("customer").getAsString());
        subscription.addProperty("status", wanted.has("trial_end") ? "trialing" : "active");
        subscription.addProperty("cancel_at_period_end", false);
        subscription.add("cancel_at", JsonNull.INSTANCE);
        subscription.add("ended_at", JsonNull.INSTANCE);
        subscription.addProperty("created", now);
        subscription.addProperty("rdv_period_end", end);
        subscription.add("metadata", wanted.getAsJsonObject("metadata").deepCopy());
        store(subscription, account);
        session.addProperty("status", "complete");
        session.addProperty("payment_status", wanted.has("trial_end") ? "no_payment_required" : "paid");
        session.addProperty("subscription", subscription.get("id").getAsString());
        return invoice(subscription, now, end, true, account);
    }

    /** The subscription's next month is charged: its invoice, paid or (declined card) open after a failed attempt. */
    public synchronized JsonObject renew(String subscriptionId, boolean paid) {
        JsonObject subscription = objects.get(subscriptionId);
        long start = subscription.get("rdv_period_end").getAsLong();
        long end = start + PERIOD_SECONDS;
        if (paid) {
            subscription.addProperty("rdv_period_end", end);
            subscription.addProperty("status", "active");
        } else {
            subscription.addProperty("status", "past_due");
        }
        return invoice(subscription, start, end, paid, accounts.get(subscriptionId));
    }

    /** The practitioner cancels at the period's end on the portal (or takes it back): the subscription as updated. */
    public synchronized JsonObject cancelAtPeriodEnd(String subscriptionId, boolean cancel) {
        JsonObject subscription = objects.get(subscriptionId);
        subscription.addProperty("cancel_at_period_end", cancel);
        return sent(subscription);
    }

    /** The subscription ends at its period's end: the subscription as {@code customer.subscription.deleted} sends it. */
    public synchronized JsonObject endSubscription(String subscriptionId) {
        JsonObject subscription = objects.get(subscriptionId);
        subscription.addProperty("status", "canceled");
        subscription.addProperty("ended_at", subscription.get("rdv_period_end").getAsLong());
        return sent(subscription);
    }

    /** An event as Stripe delivers it to the platform's endpoint, unsigned. */
    public String event(String type, JsonObject object) {
        JsonObject data = new JsonObject();
        data.add("object", object);
        JsonObject event = new JsonObject();
        event.addProperty("id", "evt_test_" + next());
        event.addProperty("object", "event");
        event.addProperty("api_version", com.stripe.Stripe.API_VERSION);
        event.addProperty("created", clock.instant().getEpochSecond());
        event.addProperty("type", type);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        event.add("data", data);
        return GSON.toJson(event);
    }

    private JsonObject invoice(JsonObject subscription, long start, long end, boolean paid, String account) {
        JsonObject period = new JsonObject();
        period.addProperty("start", start);
        period.addProperty("end", end);
        JsonObject line = new JsonObject();
        line.addProperty("id", "il_test_" + next());
        line.addProperty("object", "line_item");
        line.add("period", period);
        JsonArray lineData = new JsonArray();
        lineData.add(line);
        JsonObject lines = new JsonObject();
        lines.addProperty("object", "list");
        lines.add("data", lineData);
        lines.addProperty("has_more", false);
        JsonObject details = new JsonObject();
        details.addProperty("subscription", subscription.get("id").getAsString());
        details.add("metadata", subscription.getAsJsonObject("metadata").deepCopy());
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        parent.add("subscription_details", details);
        JsonObject invoice = new JsonObject();
        invoice.addProperty("id", "in_test_" + next());
        invoice.addProperty("object", "invoice");
        invoice.addProperty("customer", subscription.get("customer").getAsString());
        invoice.addProperty("status", paid ? "paid" : "open");
        invoice.addProperty("billing_reason", start == subscription.get("created").getAsLong()
                ? "subscription_create" : "subscription_cycle");
        // Stripe's invoice period is the one before the line's (usage-based); the engine must read the line's.
        invoice.addProperty("period_start", start - PERIOD_SECONDS);
        invoice.addProperty("period_end", start);
        invoice.add("parent", parent);
        invoice.add("lines", lines);
        invoice.addProperty("created", clock.instant().getEpochSecond());
        store(invoice, account);
        return invoice.deepCopy();
    }

    private Reply subscriptionSession(Map<String, String> p, JsonObject session) {
        if (p.get("customer") == null && p.get("customer_email") == null) {
            return error(400, "invalid_request_error", null, "A customer or customer_email is needed.", "customer");
        }
        boolean price = p.get("line_items[0][price]") != null;
        boolean recurring = "month".equals(p.get("line_items[0][price_data][recurring][interval]"))
                && p.get("line_items[0][price_data][unit_amount]") != null;
        if (!price && !recurring) {
            return error(400, "invalid_request_error", null,
                    "You must specify a recurring price in `subscription` mode.", "line_items");
        }
        JsonObject wanted = new JsonObject();
        wanted.add("metadata", metadata(p, "subscription_data[metadata]"));
        if (p.get("subscription_data[trial_end]") != null) {
            long trialEnd = Long.parseLong(p.get("subscription_data[trial_end]"));
            if (trialEnd < clock.instant().getEpochSecond() + 48 * 3600) {
                return error(400, "invalid_request_error", null,
                        "`subscription_data[trial_end]` must be at least 48 hours in the future.", "subscription_data[trial_end]");
            }
            wanted.addProperty("trial_end", trialEnd);
        }
        session.add("amount_total", recurring ? new com.google.gson.JsonPrimitive(
                Long.parseLong(p.get("line_items[0][price_data][unit_amount]"))) : JsonNull.INSTANCE);
        session.addProperty("currency", recurring ? p.get("line_items[0][price_data][currency]") : "eur");
        session.add("subscription", JsonNull.INSTANCE);
        session.add("rdv_subscription", wanted);
        return null;
    }

    private Reply createPortalSession(Map<String, String> p, String account) {
        String customer = p.get("customer");
        if (customer == null) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: customer.", "customer");
        }
        if (mine(customer, account) == null) {
            return missing(customer);
        }
        JsonObject portal = new JsonObject();
        String id = "bps_test_" + next();
        portal.addProperty("id", id);
        portal.addProperty("object", "billing_portal.session");
        portal.addProperty("customer", customer);
        portal.addProperty("return_url", p.get("return_url"));
        portal.addProperty("url", "https://billing.stripe.com/p/session/" + id);
        portal.addProperty("created", clock.instant().getEpochSecond());
        portal.addProperty("livemode", false);
        return ok(store(portal, account));
    }

    private static JsonObject sent(JsonObject object) {
        JsonObject copy = object.deepCopy();
        copy.remove("rdv_period_end");
        return copy;
    }

    // HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> params = new TreeMap<>(decode(exchange.getRequestURI().getRawQuery()));
            try (InputStream in = exchange.getRequestBody()) {
                params.putAll(decode(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Recorded request = new Recorded(method, path, Collections.unmodifiableMap(params), Collections.unmodifiableMap(headers));
            requests.add(request);

            Reply reply;
            Duration delay = Duration.ZERO;
            Optional<Fault> fault = takeFault(request);
            if (fault.isPresent() && fault.get().status() > 0) {
                reply = new Reply(fault.get().status(), fault.get().body(), false);
            } else {
                delay = fault.map(Fault::delay).orElse(Duration.ZERO);
                reply = answer(request);
            }
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_" + sequence.incrementAndGet());
            if (reply.replayed()) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            }
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGone) {
                // The client timed out and left: the work is done all the same, as at Stripe.
            }
        }
    }

    private synchronized Optional<Fault> takeFault(Recorded request) {
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            if (fault.method().equals(request.method()) && request.path().startsWith(fault.pathPrefix())) {
                faults.remove(i);
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    private synchronized Reply answer(Recorded request) {
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer sk_test_")) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided", null);
        }
        String account = request.header("Stripe-Account") == null ? PLATFORM : request.header("Stripe-Account");
        String key = request.header("Idempotency-Key");
        String fingerprint = request.method() + " " + request.path() + " " + request.params();
        if ("POST".equals(request.method()) && key != null) {
            Stored earlier = replies.get(account + "|" + key);
            if (earlier != null) {
                if (!earlier.fingerprint().equals(fingerprint)) {
                    return error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the "
                            + "same parameters they were first used with. Try using a key other than '" + key + "'.", null);
                }
                return new Reply(earlier.reply().status(), earlier.reply().body(), true);
            }
        }
        Reply reply = route(request, account);
        if ("POST".equals(request.method()) && key != null && reply.status() < 500) {
            replies.put(account + "|" + key, new Stored(fingerprint, reply));
        }
        return reply;
    }

    private Reply route(Recorded request, String account) {
        String method = request.method();
        String path = request.path();
        Map<String, String> p = request.params();
        if (method.equals("POST") && path.equals("/v1/customers")) {
            JsonObject customer = customer(p.get("email"), metadata(p, "metadata"));
            customer.addProperty("description", p.get("description"));
            return ok(store(customer, account));
        }
        if (method.equals("GET") && path.equals("/v1/customers/search")) {
            return search("customer", account, p.get("query"), path);
        }
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return createSession(p, account);
        }
        if (method.equals("GET") && path.equals("/v1/checkout/sessions")) {
            long since = Long.parseLong(p.getOrDefault("created[gte]", "0"));
            return list("checkout.session", account, path, p, s -> (p.get("status") == null
                    || p.get("status").equals(s.get("status").getAsString())) && s.get("created").getAsLong() >= since);
        }
        Matcher expire = Pattern.compile("/v1/checkout/sessions/([^/]+)/expire").matcher(path);
        if (method.equals("POST") && expire.matches()) {
            JsonObject session = mine(expire.group(1), account);
            if (session == null) {
                return missing(expire.group(1));
            }
            if (!"open".equals(session.get("status").getAsString())) {
                return error(400, "invalid_request_error", null,
                        "Only Checkout Sessions with a status in [\"open\"] can be expired.", null);
            }
            session.addProperty("status", "expired");
            return ok(session);
        }
        Matcher cancelSubscription = Pattern.compile("/v1/subscriptions/([^/]+)").matcher(path);
        if (method.equals("DELETE") && cancelSubscription.matches()) {
            // Cancels now (no renewal, no refund), as Stripe does; an already cancelled subscription is refused.
            JsonObject subscription = mine(cancelSubscription.group(1), account);
            if (subscription == null) {
                return missing(cancelSubscription.group(1));
            }
            if ("canceled".equals(subscription.get("status").getAsString())) {
                return error(400, "invalid_request_error", null,
                        "A canceled subscription can only update its cancellation_details.", null);
            }
            subscription.addProperty("status", "canceled");
            subscription.addProperty("ended_at", clock.instant().getEpochSecond());
            return ok(sent(subscription));
        }
        Matcher setup = Pattern.compile("/v1/setup_intents/([^/]+)").matcher(path);
        if (method.equals("GET") && setup.matches()) {
            JsonObject found = mine(setup.group(1), account);
            return found == null ? missing(setup.group(1)) : ok(found);
        }
        if (method.equals("GET") && path.equals("/v1/setup_intents")) {
            return list("setup_intent", account, path, p, s -> p.get("customer") == null
                    || p.get("customer").equals(s.get("customer").getAsString()));
        }
        if (method.equals("POST") && path.equals("/v1/payment_intents")) {
            return createPaymentIntent(p, account);
        }
        if (method.equals("GET") && path.equals("/v1/payment_intents/search")) {
            return search("payment_intent", account, p.get("query"), path);
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return createRefund(p, account);
        }
        Matcher retrieved = Pattern.compile("/v1/(payment_intents|charges|application_fees)/([^/]+)").matcher(path);
        if (method.equals("GET") && retrieved.matches() && !"search".equals(retrieved.group(2))) {
            JsonObject found = mine(retrieved.group(2), account);
            return found == null ? missing(retrieved.group(2)) : ok(found.deepCopy());
        }
        Matcher feeRefund = Pattern.compile("/v1/application_fees/([^/]+)/refunds").matcher(path);
        if (method.equals("POST") && feeRefund.matches()) {
            return createFeeRefund(feeRefund.group(1), p, account);
        }
        if (method.equals("POST") && path.equals("/v1/transfers")) {
            return createTransfer(p, account);
        }
        Reply connect = routeConnect(method, path, p, account);
        if (connect != null) {
            return connect;
        }
        if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            return createPortalSession(p, account);
        }
        return error(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ")", null);
    }

    private Reply createSession(Map<String, String> p, String account) {
        long now = clock.instant().getEpochSecond();
        String mode = p.get("mode");
        if (p.get("success_url") == null) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: success_url.", "success_url");
        }
        long expiresAt = p.get("expires_at") == null ? now + 86_400 : Long.parseLong(p.get("expires_at"));
        if (expiresAt < now + 1_800 || expiresAt > now + 86_400) {
            return error(400, "invalid_request_error", null,
                    "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
                    "expires_at");
        }
        JsonObject session = new JsonObject();
        String id = "cs_test_" + next();
        session.addProperty("id", id);
        session.addProperty("object", "checkout.session");
        session.addProperty("mode", mode);
        session.addProperty("status", "open");
        session.addProperty("payment_status", "unpaid");
        session.addProperty("url", "https://checkout.stripe.com/c/pay/" + id);
        session.addProperty("created", now);
        session.addProperty("expires_at", expiresAt);
        session.addProperty("livemode", false);
        session.addProperty("client_reference_id", p.get("client_reference_id"));
        session.addProperty("customer", p.get("customer"));
        session.addProperty("customer_email", p.get("customer_email"));
        session.addProperty("success_url", p.get("success_url"));
        session.addProperty("cancel_url", p.get("cancel_url"));
        session.add("payment_intent", JsonNull.INSTANCE);
        session.add("setup_intent", JsonNull.INSTANCE);
        session.add("metadata", metadata(p, "metadata"));
        if ("payment".equals(mode)) {
            if (p.get("line_items[0][price_data][unit_amount]") == null) {
                return error(400, "invalid_request_error", "parameter_missing", "Missing required param: line_items.", "line_items");
            }
            long quantity = Long.parseLong(p.getOrDefault("line_items[0][quantity]", "1"));
            session.addProperty("amount_total", quantity * Long.parseLong(p.get("line_items[0][price_data][unit_amount]")));
            session.addProperty("currency", p.get("line_items[0][price_data][currency]"));
            session.add("rdv_intent_metadata", metadata(p, "payment_intent_data[metadata]"));
            if (p.get("payment_intent_data[application_fee_amount]") != null) {
                checkoutFees.put(session.get("id").getAsString(), Long.parseLong(p.get("payment_intent_data[application_fee_amount]")));
            }
        } else if ("setup".equals(mode)) {
            if (p.get("customer") == null) {
                return error(400, "invalid_request_error", null, "A customer is needed to save a card for later.", "customer");
            }
            session.add("amount_total", JsonNull.INSTANCE);
            session.add("currency", JsonNull.INSTANCE);
            session.add("rdv_setup_metadata", metadata(p, "setup_intent_data[metadata]"));
        } else if ("subscription".equals(mode)) {
            Reply refused = subscriptionSession(p, session);
            if (refused != null) {
                return refused;
            }
        } else {
            return error(400, "invalid_request_error", null, "Invalid mode: " + mode, "mode");
        }
        store(session, account);
        JsonObject sent = session.deepCopy();
        sent.remove("rdv_intent_metadata");
        sent.remove("rdv_setup_metadata");
        sent.remove("rdv_subscription");
        return ok(sent);
    }

    private Reply createPaymentIntent(Map<String, String> p, String account) {
        if (p.get("amount") == null || p.get("currency") == null) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: amount.", "amount");
        }
        long amount = Long.parseLong(p.get("amount"));
        String paymentMethod = p.get("payment_method");
        String customer = p.get("customer");
        if (customer != null && mine(customer, account) == null) {
            return missing(customer);
        }
        JsonObject intent = paymentIntent(amount, p.get("currency"), customer, paymentMethod, metadata(p, "metadata"),
                "requires_payment_method");
        if (p.get("application_fee_amount") != null) {
            if (PLATFORM.equals(account)) {
                return error(400, "invalid_request_error", null,
                        "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment "
                                + "(using an OAuth key or Stripe-Account header) or destination payment.", "application_fee_amount");
            }
            intent.addProperty("application_fee_amount", Long.parseLong(p.get("application_fee_amount")));
        }
        store(intent, account);
        if (!"true".equals(p.get("confirm"))) {
            return ok(intent);
        }
        if (CARD_NEEDS_AUTHENTICATION.equals(paymentMethod) || CARD_DECLINED.equals(paymentMethod)) {
            boolean authentication = CARD_NEEDS_AUTHENTICATION.equals(paymentMethod);
            JsonObject lastError = new JsonObject();
            lastError.addProperty("type", "card_error");
            lastError.addProperty("code", authentication ? "authentication_required" : "card_declined");
            if (!authentication) {
                lastError.addProperty("decline_code", "generic_decline");
            }
            lastError.addProperty("message", authentication
                    ? "Your card was declined. This transaction requires authentication." : "Your card was declined.");
            intent.add("last_payment_error", lastError);
            JsonObject error = lastError.deepCopy();
            error.add("payment_intent", intent.deepCopy());
            JsonObject body = new JsonObject();
            body.add("error", error);
            return new Reply(402, GSON.toJson(body), false);
        }
        if (CARD_REQUIRES_ACTION.equals(paymentMethod)) {
            intent.addProperty("status", "requires_action");
            return ok(intent);
        }
        intent.addProperty("status", "succeeded");
        intent.addProperty("amount_received", amount);
        intent.addProperty("latest_charge", "ch_test_" + next());
        charged(intent, account);
        return ok(intent);
    }

    private Reply createRefund(Map<String, String> p, String account) {
        String intentId = p.get("payment_intent");
        if (intentId == null && p.get("charge") != null) {
            intentId = objects.values().stream().filter(o -> "payment_intent".equals(o.get("object").getAsString())
                            && o.has("latest_charge") && p.get("charge").equals(o.get("latest_charge").getAsString()))
                    .map(o -> o.get("id").getAsString()).findFirst().orElse(null);
        }
        JsonObject intent = intentId == null ? null : mine(intentId, account);
        if (intent == null) {
            return missing(intentId == null ? p.get("charge") : intentId);
        }
        long received = intent.get("amount_received").getAsLong();
        long already = refunded.getOrDefault(intentId, 0L);
        long amount = p.get("amount") == null ? received - already : Long.parseLong(p.get("amount"));
        if (already >= received) {
            return error(400, "invalid_request_error", "charge_already_refunded",
                    "Charge " + intent.get("latest_charge") + " has already been refunded.", null);
        }
        if (amount > received - already) {
            return error(400, "invalid_request_error", null, "Refund amount (" + amount
                    + ") is greater than unrefunded amount on charge (" + (received - already) + ")", "amount");
        }
        refunded.put(intentId, already + amount);
        if ("true".equals(p.get("refund_application_fee")) && intent.has("rdv_application_fee")) {
            // As Stripe: the whole fee for a full refund, else a share in proportion to the part of the charge refunded.
            JsonObject fee = objects.get(intent.get("rdv_application_fee").getAsString());
            long feeAmount = fee.get("amount").getAsLong();
            long feeLeft = feeAmount - fee.get("amount_refunded").getAsLong();
            long share = already + amount == received ? feeLeft : Math.min(feeLeft, feeAmount * amount / received);
            if (share > 0) {
                feeRefunded(fee, share, new JsonObject());
            }
        }
        JsonObject refund = new JsonObject();
        refund.addProperty("id", "re_test_" + next());
        refund.addProperty("object", "refund");
        refund.addProperty("amount", amount);
        refund.addProperty("currency", intent.get("currency").getAsString());
        refund.addProperty("payment_intent", intentId);
        refund.addProperty("status", "succeeded");
        refund.addProperty("created", clock.instant().getEpochSecond());
        refund.add("metadata", metadata(p, "metadata"));
        return ok(store(refund, account));
    }

    /** POST /v1/application_fees/{id}/refunds, on the platform: part or all of a fee back to the connected account. */
    private Reply createFeeRefund(String feeId, Map<String, String> p, String account) {
        JsonObject fee = mine(feeId, account);
        if (fee == null) {
            return missing(feeId);
        }
        long left = fee.get("amount").getAsLong() - fee.get("amount_refunded").getAsLong();
        long amount = p.get("amount") == null ? left : Long.parseLong(p.get("amount"));
        if (left <= 0) {
            return error(400, "invalid_request_error", null, "Application fee " + feeId + " has already been refunded.", null);
        }
        if (amount <= 0 || amount > left) {
            return error(400, "invalid_request_error", null, "Refund amount (" + amount
                    + ") is greater than unrefunded amount on fee (" + left + ")", "amount");
        }
        return ok(feeRefunded(fee, amount, metadata(p, "metadata")));
    }

    private JsonObject feeRefunded(JsonObject fee, long amount, JsonObject metadata) {
        JsonObject refund = new JsonObject();
        refund.addProperty("id", "fr_test_" + next());
        refund.addProperty("object", "fee_refund");
        refund.addProperty("amount", amount);
        refund.addProperty("currency", fee.get("currency").getAsString());
        refund.addProperty("fee", fee.get("id").getAsString());
        refund.addProperty("created", clock.instant().getEpochSecond());
        refund.add("metadata", metadata);
        long total = fee.get("amount_refunded").getAsLong() + amount;
        fee.addProperty("amount_refunded", total);
        fee.addProperty("refunded", total == fee.get("amount").getAsLong());
        return store(refund, PLATFORM);
    }

    /**
     * A PaymentIntent took money: its charge, on the same account, and for a direct charge with an
     * application_fee_amount the platform's application_fee object, which the charge names.
     */
    private void charged(JsonObject intent, String account) {
        JsonObject charge = new JsonObject();
        charge.addProperty("id", intent.get("latest_charge").getAsString());
        charge.addProperty("object", "charge");
        charge.addProperty("amount", intent.get("amount_received").getAsLong());
        charge.addProperty("currency", intent.get("currency").getAsString());
        charge.addProperty("payment_intent", intent.get("id").getAsString());
        charge.addProperty("status", "succeeded");
        charge.addProperty("created", clock.instant().getEpochSecond());
        charge.add("application_fee", JsonNull.INSTANCE);
        if (intent.has("application_fee_amount") && !PLATFORM.equals(account)) {
            long amount = intent.get("application_fee_amount").getAsLong();
            JsonObject fee = new JsonObject();
            fee.addProperty("id", "fee_test_" + next());
            fee.addProperty("object", "application_fee");
            fee.addProperty("account", account);
            fee.addProperty("amount", amount);
            fee.addProperty("amount_refunded", 0);
            fee.addProperty("refunded", false);
            fee.addProperty("charge", charge.get("id").getAsString());
            fee.addProperty("currency", intent.get("currency").getAsString());
            fee.addProperty("created", clock.instant().getEpochSecond());
            store(fee, PLATFORM);
            charge.addProperty("application_fee", fee.get("id").getAsString());
            charge.addProperty("application_fee_amount", amount);
            intent.addProperty("rdv_application_fee", fee.get("id").getAsString());
        }
        store(charge, account);
    }

    private Reply createTransfer(Map<String, String> p, String account) {
        String destination = p.get("destination");
        if (destination == null || !destination.startsWith("acct_")) {
            return error(400, "invalid_request_error", null, "No such destination: '" + destination + "'", "destination");
        }
        if (destination.equals("acct_without_transfers")) {
            return error(400, "invalid_request_error", "insufficient_capabilities_for_transfer",
                    "Your destination account needs to have at least one of the following capabilities enabled: "
                            + "transfers, crypto_transfers, legacy_payments", "destination");
        }
        JsonObject transfer = new JsonObject();
        transfer.addProperty("id", "tr_test_" + next());
        transfer.addProperty("object", "transfer");
        transfer.addProperty("amount", Long.parseLong(p.get("amount")));
        transfer.addProperty("amount_reversed", 0);
        transfer.addProperty("currency", p.get("currency"));
        transfer.addProperty("destination", destination);
        transfer.addProperty("transfer_group", p.get("transfer_group"));
        transfer.addProperty("description", p.get("description"));
        transfer.addProperty("reversed", false);
        transfer.addProperty("created", clock.instant().getEpochSecond());
        transfer.add("metadata", metadata(p, "metadata"));
        return ok(store(transfer, account));
    }

    // Objects

    private JsonObject paymentIntent(long amount, String currency, String customer, String paymentMethod,
                                     JsonObject metadata, String status) {
        JsonObject intent = new JsonObject();
        intent.addProperty("id", "pi_test_" + next());
        intent.addProperty("object", "payment_intent");
        intent.addProperty("amount", amount);
        intent.addProperty("amount_received", "succeeded".equals(status) ? amount : 0);
        intent.addProperty("currency", currency);
        intent.addProperty("customer", customer);
        intent.addProperty("payment_method", paymentMethod);
        intent.addProperty("status", status);
        intent.addProperty("created", clock.instant().getEpochSecond());
        intent.addProperty("livemode", false);
        if ("succeeded".equals(status)) {
            intent.addProperty("latest_charge", "ch_test_" + next());
        }
        intent.add("metadata", metadata == null ? new JsonObject() : metadata.deepCopy());
        return intent;
    }

    private JsonObject customer(String email, JsonObject metadata) {
        JsonObject customer = new JsonObject();
        customer.addProperty("id", "cus_test_" + next());
        customer.addProperty("object", "customer");
        customer.addProperty("email", email);
        customer.addProperty("created", clock.instant().getEpochSecond());
        customer.add("metadata", metadata);
        return customer;
    }

    private JsonObject setupIntent(String customer, String paymentMethod, JsonObject metadata) {
        JsonObject setup = new JsonObject();
        setup.addProperty("id", "seti_test_" + next());
        setup.addProperty("object", "setup_intent");
        setup.addProperty("customer", customer);
        setup.addProperty("payment_method", paymentMethod);
        setup.addProperty("status", "succeeded");
        setup.addProperty("usage", "off_session");
        setup.addProperty("created", clock.instant().getEpochSecond());
        setup.add("metadata", metadata == null ? new JsonObject() : metadata.deepCopy());
        return setup;
    }

    private JsonObject store(JsonObject object, String account) {
        objects.put(object.get("id").getAsString(), object);
        accounts.put(object.get("id").getAsString(), account);
        return object;
    }

    private JsonObject mine(String id, String account) {
        return account.equals(accounts.get(id)) ? objects.get(id) : null;
    }

    private Reply search(String kind, String account, String query, String url) {
        if (query == null) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: query.", "query");
        }
        Matcher field = METADATA_QUERY.matcher(query);
        if (!field.find()) {
            return error(400, "invalid_request_error", null, "Unsupported query in the fake: " + query, "query");
        }
        String name = field.group(1);
        String value = field.group(2);
        Matcher status = STATUS_QUERY.matcher(query);
        Optional<String> wanted = status.find() ? Optional.of(status.group(1)) : Optional.empty();
        JsonArray data = new JsonArray();
        objects.entrySet().stream()
                .filter(e -> account.equals(accounts.get(e.getKey())))
                .map(Map.Entry::getValue)
                .filter(o -> kind.equals(o.get("object").getAsString()))
                .filter(o -> o.getAsJsonObject("metadata").has(name)
                        && value.equals(o.getAsJsonObject("metadata").get(name).getAsString()))
                .filter(o -> wanted.isEmpty() || wanted.get().equals(o.get("status").getAsString()))
                .forEach(o -> data.add(o.deepCopy()));
        JsonObject result = new JsonObject();
        result.addProperty("object", "search_result");
        result.add("data", data);
        result.addProperty("has_more", false);
        result.add("next_page", JsonNull.INSTANCE);
        result.addProperty("url", url);
        return ok(result);
    }

    private Reply list(String kind, String account, String url, Map<String, String> p, Predicate<JsonObject> filter) {
        int limit = Integer.parseInt(p.getOrDefault("limit", "10"));
        List<JsonObject> all = objects.entrySet().stream()
                .filter(e -> account.equals(accounts.get(e.getKey())))
                .map(Map.Entry::getValue)
                .filter(o -> kind.equals(o.get("object").getAsString()))
                .filter(filter)
                .sorted(Comparator.comparing((JsonObject o) -> sequenceOf(o.get("id").getAsString())).reversed())
                .collect(Collectors.toList());
        int from = 0;
        if (p.get("starting_after") != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).get("id").getAsString().equals(p.get("starting_after"))) {
                    from = i + 1;
                }
            }
        }
        JsonArray data = new JsonArray();
        all.subList(from, Math.min(all.size(), from + limit)).forEach(o -> {
            JsonObject copy = o.deepCopy();
            copy.remove("rdv_intent_metadata");
            copy.remove("rdv_setup_metadata");
            copy.remove("rdv_subscription");
            data.add(copy);
        });
        JsonObject result = new JsonObject();
        result.addProperty("object", "list");
        result.add("data", data);
        result.addProperty("has_more", from + limit < all.size());
        result.addProperty("url", url);
        return ok(result);
    }

    private static long sequenceOf(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('_') + 1));
    }

    private long next() {
        return sequence.incrementAndGet();
    }

    private static JsonObject metadata(Map<String, String> p, String prefix) {
        JsonObject metadata = new JsonObject();
        p.forEach((name, value) -> {
            if (name.startsWith(prefix + "[") && name.indexOf(']', prefix.length()) == name.length() - 1) {
                metadata.addProperty(name.substring(prefix.length() + 1, name.length() - 1), value);
            }
        });
        return metadata;
    }

    private static Reply ok(JsonElement body) {
        return new Reply(200, GSON.toJson(body), false);
    }

    private static Reply missing(String id) {
        return error(404, "invalid_request_error", "resource_missing", "No such object: '" + id + "'", "id");
    }

    private static Reply error(int status, String type, String code, String message, String param) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        if (code != null) {
            error.addProperty("code", code);
        }
        error.addProperty("message", message);
        if (param != null) {
            error.addProperty("param", param);
        }
        JsonObject body = new JsonObject();
        body.add("error", error);
        return new Reply(status, GSON.toJson(body), false);
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return fields;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }
}
