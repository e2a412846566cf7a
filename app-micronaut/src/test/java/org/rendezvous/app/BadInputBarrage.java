package org.rendezvous.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.rendezvous.app.http.ApiViews;
import org.rendezvous.app.http.Problem;

/**
 * Sends bad input to every route of the app, as found in Micronaut's router at test time (so a route
 * added later is covered without editing a list), and checks each answer against SPEC "Bad input": a
 * 4xx {@code application/problem+json} with type, title, status and detail, naming the field when one
 * field is at fault; never a 5xx.
 *
 * <p>Request bodies are built from the route's {@code @Body} record type: every component gets the bad
 * values of its Java type, one at a time, inside a body that is otherwise valid when a valid template is
 * known for the type (else inside {@code {}}). Path variables, query values and headers get bad values
 * with everything else valid. What the barrage sends is counted per route.
 */
final class BadInputBarrage {

    /** How an answer is judged. */
    enum Expect {
        /** The input is wrong: a 4xx problem. */
        REFUSED,
        /** The input may be ignored (junk query parameters on a read): anything but a 5xx; a 4xx is a problem. */
        NO_SERVER_ERROR
    }

    record Attack(String route, String what, String method, String path, Map<String, String> headers,
                  @Nullable byte[] body, @Nullable String contentType, Expect expect, @Nullable String field) {
    }

    static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 429);

    /** Strings an attacker tries: SQL, markup, paths, JNDI lookups, control characters. */
    static final List<String> INJECTIONS = List.of("'; drop table bookings; --", "<script>alert(1)</script>",
            "../../etc/passwd", "${jndi:ldap://x/a}", "nul\u0000byte", "bell\u0007\u001b[31m", "\uFFFF\uD800");
    static final String LONG = "x".repeat(100_000);
    /** Fields whose text is kept as typed (names, labels): SQL or markup in them is legitimate content. */
    static final Set<String> FREE_TEXT = Set.of("name", "label", "address", "holder", "password", "presentation");

    private final Router router;
    private final URI base;
    private final JsonMapper json;
    private final String session;
    private final Map<String, String> valid;
    private final Map<String, Map<String, Object>> templates;
    private final long maxRequestSize;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger keys = new AtomicInteger();
    final Map<String, Integer> sentPerRoute = new TreeMap<>();
    final List<String> failures = new ArrayList<>();

    /**
     * @param valid     valid values of path variables, query values and headers, by name
     * @param templates a valid body per request record's simple name
     */
    BadInputBarrage(Router router, URI base, JsonMapper json, String session, Map<String, String> valid,
                    Map<String, Map<String, Object>> templates, long maxRequestSize) {
        this.router = router;
        this.base = base;
        this.json = json;
        this.session = session;
        this.valid = valid;
        this.templates = templates;
        this.maxRequestSize = maxRequestSize;
    }

    /** The app's routes (not Micronaut's own endpoints), HEAD left out: Micronaut answers it for every GET. */
    static List<UriRouteInfo<?, ?>> appRoutes(Router router) {
        return router.uriRoutes()
                .filter(route -> route.getDeclaringType().getPackageName().startsWith("org.rendezvous.app"))
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .<UriRouteInfo<?, ?>>map(route -> route)
                .collect(java.util.stream.Collectors.toMap(BadInputBarrage::name, route -> route, (a, b) -> a, TreeMap::new))
                .values().stream().<UriRouteInfo<?, ?>>map(route -> route).toList();
    }

    static String name(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + route.getUriMatchTemplate().toPathString();
    }

    static boolean needsSession(UriRouteInfo<?, ?> route) {
        return Arrays.asList(route.getAnnotationMetadata().stringValues(Secured.class)).contains(SecurityRule.IS_AUTHENTICATED);
    }

    /** Every attack on every route whose name passes the filter. */
    List<Attack> attacks(java.util.function.Predicate<String> routes) {
        List<Attack> all = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : appRoutes(router)) {
            if (routes.test(name(route))) {
                all.addAll(attacks(route));
            }
        }
        return all;
    }

    void run(List<Attack> attacks) {
        for (Attack attack : attacks) {
            sentPerRoute.merge(attack.route(), 1, Integer::sum);
            judge(attack);
        }
    }

    String counts() {
        StringBuilder out = new StringBuilder("bad-input requests per route:\n");
        sentPerRoute.forEach((route, n) -> out.append(String.format("%5d  %s%n", n, route)));
        out.append(String.format("%5d  in all%n", sentPerRoute.values().stream().mapToInt(Integer::intValue).sum()));
        return out.toString();
    }

    // Building the attacks

    private List<Attack> attacks(UriRouteInfo<?, ?> route) {
        String name = name(route);
        List<String> variables = route.getUriMatchTemplate().getVariableNames();
        Argument<?>[] arguments = route.getTargetMethod().getArguments();
        Argument<?> body = null;
        Map<String, Argument<?>> queries = new LinkedHashMap<>();
        Map<String, Argument<?>> headers = new LinkedHashMap<>();
        for (Argument<?> argument : arguments) {
            if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                body = argument;
            } else if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                queries.put(argument.getAnnotationMetadata().stringValue(QueryValue.class).filter(s -> !s.isEmpty())
                        .orElse(argument.getName()), argument);
            } else if (argument.getAnnotationMetadata().hasAnnotation(Header.class)) {
                headers.put(argument.getAnnotationMetadata().stringValue(Header.class).filter(s -> !s.isEmpty())
                        .orElse(argument.getName()), argument);
            }
        }
        Map<String, String> goodPath = new LinkedHashMap<>();
        for (String variable : variables) {
            goodPath.put(variable, valid.getOrDefault(variable, "x"));
        }
        Map<String, String> goodQuery = new LinkedHashMap<>();
        queries.forEach((q, argument) -> goodQuery.put(q, validQuery(q, argument)));
        Map<String, String> goodHeaders = new LinkedHashMap<>();
        headers.keySet().forEach(h -> goodHeaders.put(h, valid.getOrDefault(h, "x")));
        String method = route.getHttpMethodName().toUpperCase(Locale.ROOT);
        String template = route.getUriMatchTemplate().toPathString();
        List<Attack> out = new ArrayList<>();
        Builder b = new Builder(name, method, template, needsSession(route), goodPath, goodQuery, goodHeaders, out);
        String templateBody = body == null ? "{}" : toJson(template(body.getType()));

        // Path variables: not ids, too long, NUL, dot segments, markup, SQL, invalid UTF-8, header splitting.
        for (String variable : variables) {
            List<String> values = new ArrayList<>(List.of("not-an-id", "a".repeat(1000), "%00", "..", "%2e%2e",
                    "%3Cscript%3E", enc("'; drop table bookings; --"), "%FF%FE", enc("${jndi:ldap://x/a}"),
                    "%0d%0aX-Injected:%20yes", "-1", "0", "99999999999999999999"));
            if (variable.toLowerCase(Locale.ROOT).contains("date")) {
                values.addAll(List.of("2026-02-30", "2026-13-01", "25:00", "2026-02-28T25:00"));
            }
            for (String value : values) {
                Map<String, String> path = new LinkedHashMap<>(goodPath);
                path.put(variable, value);
                b.send("path " + variable + "=" + value, path, goodQuery, goodHeaders,
                        body == null ? null : templateBody, Expect.REFUSED, null);
            }
        }
        // Query values: missing, of the wrong type, impossible dates, injections.
        for (Map.Entry<String, Argument<?>> query : queries.entrySet()) {
            Map<String, String> missing = new LinkedHashMap<>(goodQuery);
            missing.remove(query.getKey());
            if (!query.getValue().isNullable()) {
                b.send("query " + query.getKey() + " missing", goodPath, missing, goodHeaders, null, Expect.REFUSED, null);
            }
            for (String value : badQueryValues(query.getValue().getType())) {
                Map<String, String> q = new LinkedHashMap<>(goodQuery);
                q.put(query.getKey(), enc(value));
                b.send("query " + query.getKey() + "=" + abbreviate(value), goodPath, q, goodHeaders, null, Expect.REFUSED,
                        query.getKey());
            }
        }
        if (method.equals("GET")) {
            Map<String, String> junk = new LinkedHashMap<>(goodQuery);
            junk.put("x", enc("'; drop table bookings; --"));
            junk.put("from", "2026-02-30");
            junk.put("%00", "%00");
            b.send("junk query parameters", goodPath, junk, goodHeaders, null, Expect.NO_SERVER_ERROR, null);
        }
        // Headers the route reads: missing, empty, too long, with spaces.
        for (Map.Entry<String, Argument<?>> header : headers.entrySet()) {
            Map<String, String> missing = new LinkedHashMap<>(goodHeaders);
            missing.remove(header.getKey());
            String bodyText = body == null ? null : templateBody;
            if (!header.getValue().isNullable()) {
                b.send("header " + header.getKey() + " missing", goodPath, goodQuery, missing, bodyText, Expect.REFUSED, null);
            }
            for (String value : List.of("", "k".repeat(1000), "two words")) {
                Map<String, String> h = new LinkedHashMap<>(goodHeaders);
                h.put(header.getKey(), value);
                b.send("header " + header.getKey() + "=" + abbreviate(value), goodPath, goodQuery, h, bodyText,
                        Expect.REFUSED, null);
            }
        }
        // Every route, body or not: a body over micronaut.server.max-request-size.
        b.sendRaw("body over the size limit", goodPath, goodQuery, goodHeaders,
                ("{\"name\":\"" + "x".repeat((int) maxRequestSize + 10) + "\"}").getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON, Expect.REFUSED, null);
        if (body == null) {
            return out;
        }
        // The body as a whole: malformed, of the wrong shape, empty, of the wrong type.
        for (String text : List.of("{not json", "{\"a\":", "}", "[]", "[{}]", "\"a string\"", "42", "null", "",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))) {
            b.send("body " + abbreviate(text), goodPath, goodQuery, goodHeaders, text, Expect.REFUSED, null);
        }
        b.sendRaw("body with invalid UTF-8", goodPath, goodQuery, goodHeaders, invalidUtf8(templateBody),
                MediaType.APPLICATION_JSON, Expect.REFUSED, null);
        b.sendRaw("body with a raw NUL", goodPath, goodQuery, goodHeaders, (templateBody.contains("\"")
                ? templateBody.replaceFirst("\"", "\"\u0000") : "{\"\u0000\":1}").getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON, Expect.REFUSED, null);
        if (!route.consumesAll()) {
            b.sendRaw("body as text/plain", goodPath, goodQuery, goodHeaders, templateBody.getBytes(StandardCharsets.UTF_8),
                    MediaType.TEXT_PLAIN, Expect.REFUSED, null);
            b.sendRaw("body as XML", goodPath, goodQuery, goodHeaders,
                    "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
                            .getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML, Expect.REFUSED, null);
        }
        Class<?> type = body.getType();
        if (type.isRecord()) {
            Map<String, Object> good = template(type);
            boolean known = templates.containsKey(type.getSimpleName()) || required(type).isEmpty();
            if (!required(type).isEmpty()) {
                b.send("body {} (required fields missing)", goodPath, goodQuery, goodHeaders, "{}", Expect.REFUSED, null);
                for (String field : required(type)) {
                    if (good.containsKey(field)) {
                        Map<String, Object> without = new LinkedHashMap<>(good);
                        without.remove(field);
                        b.send("body without " + field, goodPath, goodQuery, goodHeaders, toJson(without), Expect.REFUSED,
                                field);
                        Map<String, Object> nulled = new LinkedHashMap<>(good);
                        nulled.put(field, null);
                        b.send("body " + field + "=null", goodPath, goodQuery, goodHeaders, toJson(nulled), Expect.REFUSED,
                                field);
                    }
                }
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String field = component.getName();
                for (Object bad : badValues(field, component.getGenericType(), good.get(field), !nullable(component))) {
                    Map<String, Object> with = new LinkedHashMap<>(good);
                    with.put(field, bad);
                    // A value inside a nested object is named by its own name ("email"), which the check cannot know.
                    boolean nested = component.getType().isRecord() || raw(argumentOf(component.getGenericType(), 0)).isRecord();
                    b.send("body " + field + "=" + abbreviate(toJson(bad)), goodPath, goodQuery, goodHeaders, toJson(with),
                            Expect.REFUSED, known && !nested ? field : null);
                }
                // Injections in text kept as typed: alone in the body, so the rest of it is missing.
                if (FREE_TEXT.contains(field) && component.getType() == String.class && !required(type).isEmpty()) {
                    for (String injection : INJECTIONS) {
                        b.send("body only " + field + "=" + abbreviate(injection), goodPath, goodQuery, goodHeaders,
                                toJson(Map.of(field, injection)), Expect.REFUSED, null);
                    }
                }
            }
        }
        return out;
    }

    private String validQuery(String name, Argument<?> argument) {
        String key = name + ":" + argument.getType().getSimpleName();
        return enc(valid.getOrDefault(key, valid.getOrDefault(name, "x")));
    }

    private static List<String> badQueryValues(Class<?> type) {
        List<String> values = new ArrayList<>(List.of("", "a".repeat(1000), "'; drop table bookings; --", "<script>",
                "${jndi:ldap://x/a}", "nul\u0000", "../../etc/passwd"));
        if (type == LocalDate.class) {
            values.addAll(List.of("2026-02-30", "2026-13-01", "30/01/2026"));
        } else if (type == Instant.class) {
            values.addAll(List.of("2026-02-30T09:00:00Z", "2026-01-01T25:00:00Z", "yesterday", "99999999999999999999"));
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            values.addAll(List.of("-1", "1.5", "99999999999999999999", "NaN"));
        }
        return values;
    }

    /** Bad values for one field of a body, by its Java type. */
    private List<Object> badValues(String field, Type type, @Nullable Object validValue, boolean required) {
        Class<?> raw = raw(type);
        List<Object> values = new ArrayList<>();
        if (raw == String.class) {
            values.addAll(List.of(Map.of(), List.of(), LONG, "ctl\u0000\u0007"));
            if (!FREE_TEXT.contains(field)) {
                values.addAll(INJECTIONS);
                values.add("line\nbreak\r\u0085");
            }
            if (required) {
                values.add(""); // left blank, an optional field takes its default
            }
        } else if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            values.addAll(List.of("sixty", -1, -9_223_372_036_854_775_808L, new java.math.BigInteger("100000000000000000000"),
                    1.5, 2_147_483_648L, Integer.MAX_VALUE, true, Map.of(), List.of()));
        } else if (raw == Boolean.class || raw == boolean.class) {
            values.addAll(List.of("yes", 2, Map.of(), List.of()));
        } else if (raw.isEnum()) {
            values.addAll(List.of("TELEPATHY", "", 42, Map.of(), List.of(), "'; drop table bookings; --"));
        } else if (raw == Instant.class) {
            values.addAll(List.of("2026-02-30T09:00:00Z", "2026-01-01T25:00:00Z", "yesterday", "", Map.of(), List.of(),
                    "+999999999-12-31T23:59:59Z"));
        } else if (raw == LocalDate.class) {
            values.addAll(List.of("2026-02-30", "2026-13-01", "30/01/2026", "", Map.of(), "+999999999-12-31"));
        } else if (raw == LocalTime.class) {
            values.addAll(List.of("25:00", "12:60", "9h", "", Map.of()));
        } else if (Collection.class.isAssignableFrom(raw)) {
            Type element = argumentOf(type, 0);
            values.addAll(List.of("not a list", Map.of(), Arrays.asList((Object) null), List.of(List.of())));
            if (raw(element) == String.class) {
                values.add(List.of("'; drop table bookings; --"));
                values.add(List.of(LONG));
            } else if (raw(element).isEnum()) {
                values.add(List.of("TELEPATHY"));
            } else if (raw(element).isRecord()) {
                values.add(List.of(Map.of()));
                Map<String, Object> element0 = template(raw(element));
                for (RecordComponent c : raw(element).getRecordComponents()) {
                    for (Object bad : badValues(c.getName(), c.getGenericType(), element0.get(c.getName()), !nullable(c))) {
                        Map<String, Object> one = new LinkedHashMap<>(element0);
                        one.put(c.getName(), bad);
                        values.add(List.of(one));
                    }
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            values.addAll(List.of("not a map", List.of(1, 2), Map.of("k", Map.of()), Map.of("k", List.of()),
                    Map.of("k", LONG), Map.of(LONG, "v")));
        } else if (raw.isRecord()) {
            values.addAll(List.of("not an object", List.of(), Map.of()));
            Map<String, Object> nested = validValue instanceof Map<?, ?> m ? castMap(m) : template(raw);
            for (RecordComponent c : raw.getRecordComponents()) {
                for (Object bad : badValues(c.getName(), c.getGenericType(), nested.get(c.getName()), !nullable(c))) {
                    Map<String, Object> one = new LinkedHashMap<>(nested);
                    one.put(c.getName(), bad);
                    values.add(one);
                }
            }
            if (raw == ApiViews.Amount.class) {
                for (String amount : List.of("1.234", "-5.00", "100000000000000000000", "1e3", "NaN", "12,50", " 1.00")) {
                    Map<String, Object> one = new LinkedHashMap<>(nested);
                    one.put("amount", amount);
                    values.add(one);
                }
                Map<String, Object> currency = new LinkedHashMap<>(nested);
                currency.put("currency", "XYZ");
                values.add(currency);
            }
        }
        return values;
    }

    private Map<String, Object> template(Class<?> type) {
        return new LinkedHashMap<>(templates.getOrDefault(type.getSimpleName(), Map.of()));
    }

    private static List<String> required(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        return Arrays.stream(type.getRecordComponents()).filter(c -> !nullable(c) && !c.getType().isPrimitive())
                .map(RecordComponent::getName).toList();
    }

    private static boolean nullable(RecordComponent c) {
        return c.isAnnotationPresent(Nullable.class) || c.getAccessor().isAnnotationPresent(Nullable.class)
                || c.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argumentOf(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] invalidUtf8(String body) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        int quote = body.indexOf('"');
        if (quote < 0) {
            return new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'};
        }
        byte[] out = new byte[text.length + 3];
        System.arraycopy(text, 0, out, 0, quote + 1);
        out[quote + 1] = (byte) 0xC3;
        out[quote + 2] = (byte) 0x28;
        out[quote + 3] = (byte) 0xFF;
        System.arraycopy(text, quote + 1, out, quote + 4, text.length - quote - 1);
        return out;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String value) {
        return abbreviate(value, 40);
    }

    static String abbreviate(String value, int length) {
        String shown = value.length() > length ? value.substring(0, length) + "…(" + value.length() + ")" : value;
        StringBuilder out = new StringBuilder();
        for (char c : shown.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String abbreviate(Object value) {
        return abbreviate(String.valueOf(value));
    }

    /** Puts attacks together: the route's path with its variables, the query, the headers and the session. */
    private final class Builder {
        final String route;
        final String method;
        final String template;
        final boolean session;
        final List<Attack> out;

        Builder(String route, String method, String template, boolean session, Map<String, String> path,
                Map<String, String> query, Map<String, String> headers, List<Attack> out) {
            this.route = route;
            this.method = method;
            this.template = template;
            this.session = session;
            this.out = out;
        }

        void send(String what, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
                  @Nullable String body, Expect expect, @Nullable String field) {
            sendRaw(what, path, query, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    body == null ? null : MediaType.APPLICATION_JSON, expect, field);
        }

        void sendRaw(String what, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
                     @Nullable byte[] body, @Nullable String contentType, Expect expect, @Nullable String field) {
            String uri = template;
            for (Map.Entry<String, String> variable : path.entrySet()) {
                uri = uri.replaceFirst("\\{" + java.util.regex.Pattern.quote(variable.getKey()) + "[^}]*}",
                        java.util.regex.Matcher.quoteReplacement(variable.getValue()));
            }
            if (!query.isEmpty()) {
                StringBuilder q = new StringBuilder();
                query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
                uri += q;
            }
            Map<String, String> h = new LinkedHashMap<>(headers);
            if (h.containsValue("x") && h.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Idempotency-Key"))) {
                h.replaceAll((k, v) -> k.equalsIgnoreCase("Idempotency-Key") && v.equals("x") ? "bad-input-" + keys.incrementAndGet() : v);
            }
            if (session) {
                h.put("Authorization", "Bearer " + BadInputBarrage.this.session);
            }
            out.add(new Attack(route, what, method, uri, h, body, contentType, expect, field));
        }
    }

    // Sending and judging

    private void judge(Attack attack) {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + attack.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(attack.method(), attack.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
            attack.headers().forEach(request::header);
            if (attack.contentType() != null) {
                request.header("Content-Type", attack.contentType());
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            failures.add(describe(attack) + ": the test could not build the request: " + e.getMessage());
            return;
        } catch (IOException e) {
            failures.add(describe(attack) + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(describe(attack) + ": " + status + " " + abbreviate(body));
            return;
        }
        if (status < 400) {
            if (attack.expect() == Expect.REFUSED) {
                failures.add(describe(attack) + ": accepted with " + status + " " + abbreviate(body));
            }
            return;
        }
        if (!CLIENT_ERRORS.contains(status)) {
            failures.add(describe(attack) + ": unexpected status " + status);
        }
        if (!contentType.startsWith("application/problem+json")) {
            if (contentType.startsWith("text/html") && (attack.route().startsWith("GET /sandbox")
                    || attack.route().startsWith("POST /sandbox") || attack.route().startsWith("GET /b/")
                    || attack.route().startsWith("GET /p/"))) {
                return; // pages for a browser (the sandbox provider's, the link page, the public page): their 404 is HTML too
            }
            failures.add(describe(attack) + ": " + status + " as '" + contentType + "', not problem+json: " + abbreviate(body));
            return;
        }
        Map<?, ?> problem;
        try {
            problem = json.readValue(body, Map.class);
        } catch (IOException e) {
            failures.add(describe(attack) + ": problem body is not JSON: " + abbreviate(body));
            return;
        }
        for (String member : List.of("type", "title", "status", "detail")) {
            if (problem.get(member) == null) {
                failures.add(describe(attack) + ": problem without " + member + ": " + abbreviate(body));
            }
        }
        if (!String.valueOf(problem.get("type")).startsWith(Problem.TYPE_BASE)
                || !(problem.get("status") instanceof Number n && n.intValue() == status)) {
            failures.add(describe(attack) + ": problem type or status off: " + abbreviate(body));
        }
        String detail = String.valueOf(problem.get("detail"));
        if (attack.field() != null && status == 400 && !detail.contains(attack.field())) {
            failures.add(describe(attack) + ": detail does not name " + attack.field() + ": " + abbreviate(detail, 200));
        }
    }

    static String describe(Attack attack) {
        return attack.route() + " [" + attack.what() + "]";
    }
}
