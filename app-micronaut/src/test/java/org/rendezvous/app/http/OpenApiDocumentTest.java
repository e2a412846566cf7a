package org.rendezvous.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.app.account.AuthController;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI description stays true to the code (issue 15 item 6): every route the app serves is in it,
 * with a summary, a unique operationId, its real answers (success, the problem+json 4xx, the session's
 * 401/403), a schema for every body and {@code security: []} when anyone may call it. A new route that
 * forgets one of them fails here, with what to add. The document also passes Redocly's lint in CI
 * ({@code .ci/run}, {@code redocly.yaml}).
 */
@MicronautTest
class OpenApiDocumentTest {

    private static final String HOW = " (see ApiDoc and docs/api.md#the-openapi-document)";

    @Inject
    Router router;

    @Inject
    @Client("/")
    HttpClient http;

    String document;
    Map<String, Object> openApi;

    @BeforeEach
    void load() {
        document = http.toBlocking().retrieve(HttpRequest.GET("/swagger/rendezvous-0.1.yml"));
        openApi = new Yaml().load(document);
    }

    private List<UriRouteInfo<?, ?>> routes() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(route -> route.getDeclaringType().getPackageName().startsWith("org.rendezvous.app"))
                .filter(route -> !route.getHttpMethodName().equalsIgnoreCase("head")) // Micronaut answers HEAD for every GET
                .<UriRouteInfo<?, ?>>map(route -> route)
                .toList();
        assertThat(routes).isNotEmpty();
        // The router may hold a route more than once (one per content type it consumes): one check each.
        Map<String, UriRouteInfo<?, ?>> distinct = new java.util.LinkedHashMap<>();
        routes.forEach(route -> distinct.putIfAbsent(route.getHttpMethodName() + " " + route.getUriMatchTemplate(), route));
        return List.copyOf(distinct.values());
    }

    @Test
    @DisplayName("the OpenAPI document is served and lists every route of the app's controllers")
    void documentListsEveryRoute() {
        for (UriRouteInfo<?, ?> route : routes()) {
            String path = route.getUriMatchTemplate().toPathString();
            String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
            int at = document.indexOf("\n  " + path + ":\n");
            assertThat(at).as("%s is in the OpenAPI document", path).isGreaterThanOrEqualTo(0);
            int next = document.indexOf("\n  /", at + 1);
            String block = document.substring(at, next < 0 ? document.length() : next);
            assertThat(block).as("%s %s is in the OpenAPI document", method, path).contains("\n    " + method + ":");
        }
    }

    @Test
    @DisplayName("issue 15: every route has a summary, a unique operationId, its answers with their 4xx, a schema for "
            + "every body, and its security")
    void everyRouteIsFullyDocumented() {
        List<String> missing = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        for (UriRouteInfo<?, ?> route : routes()) {
            String path = route.getUriMatchTemplate().toPathString();
            String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
            String name = method.toUpperCase(Locale.ROOT) + " " + path + " (" + route.getDeclaringType().getSimpleName() + "."
                    + route.getTargetMethod().getMethodName() + ")";
            Map<String, Object> operation = map(map(map(openApi, "paths"), path), method);
            if (operation.isEmpty()) {
                missing.add(name + ": not in the document; is its controller in org.rendezvous.app?");
                continue;
            }
            if (!(operation.get("summary") instanceof String summary) || summary.isBlank()) {
                missing.add(name + ": no summary: give the method a Javadoc comment, its first sentence is the summary");
            }
            String operationId = (String) operation.get("operationId");
            String before = operationIds.put(operationId, name);
            if (operationId == null || operationId.matches(".*_\\d+") || before != null) {
                missing.add(name + ": operationId '" + operationId + "' is not unique (also " + before
                        + "): add @Operation(operationId = \"aNameOfItsOwn\") (with security = {} on a public route)");
            }
            Map<String, Object> responses = map(operation, "responses");
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
                missing.add(name + ": no success answer: add @ApiResponse(responseCode = \"200\" (or 201, 202, 204, 303), "
                        + "description = …, content = @Content(schema = @Schema(implementation = TheView.class)))");
            }
            responses.forEach((code, answer) -> bodySchemas(name + ": the " + code + " answer", map(answer, "content"), missing));
            Map<String, Object> requestBody = map(operation, "requestBody");
            if (!requestBody.isEmpty()) {
                bodySchemas(name + ": the request body", map(requestBody, "content"), missing);
            }
            boolean secured = secured(route);
            boolean takesInput = !requestBody.isEmpty() || operation.get("parameters") instanceof List<?> parameters && !parameters.isEmpty();
            if ((secured || takesInput) && responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                missing.add(name + ": takes input or a session but documents no 4xx: add the answers it really gives: "
                        + "@ApiDoc.BadRequest, @ApiDoc.NotFound, @ApiDoc.Conflict, @ApiDoc.Refused …" + HOW);
            }
            responses.forEach((code, answer) -> {
                Map<String, Object> content = map(answer, "content");
                if (code.startsWith("4") || code.startsWith("5")) {
                    Object schema = map(map(content, Problem.PROBLEM_JSON.toString()), "schema").get("$ref");
                    if (!"#/components/schemas/Problem".equals(schema) && !content.containsKey("text/html")) {
                        missing.add(name + ": the " + code + " answer is not the Problem schema as application/problem+json: "
                                + "use the ApiDoc annotations" + HOW);
                    }
                }
            });
            Object security = operation.get("security");
            if (secured) {
                if (!(security instanceof List<?> requirements) || requirements.isEmpty()) {
                    missing.add(name + ": needs a session but has no security requirement: add @SecurityRequirement(name = "
                            + "AuthController.COOKIE) and (name = AuthController.BEARER) on the controller");
                }
                if (!responses.containsKey("401") || !responses.containsKey("403")) {
                    missing.add(name + ": needs a session but documents no 401/403: add @ApiDoc.PractitionerSession or "
                            + "@ApiDoc.OperatorSession on the controller");
                }
            } else if (!(security instanceof List<?> none) || !none.isEmpty()) {
                missing.add(name + ": anyone may call it but it does not say security: []: add @ApiDoc.Public "
                        + "(or security = {} in its @Operation)");
            }
        }
        assertThat(missing).as("what the OpenAPI document lacks, route by route").isEmpty();
    }

    @Test
    @DisplayName("issue 15: the documented success codes are the ones the routes answer: 201, 202, 204 and 303 included")
    void realStatusCodes() {
        assertThat(codes("/api/public/practitioners/{practitionerId}/bookings", "post")).contains("201").doesNotContain("200")
                .contains("400", "404", "409", "422", "429");
        assertThat(codes("/api/auth/register", "post")).contains("202", "400", "429").doesNotContain("200");
        assertThat(codes("/api/auth/logout", "post")).contains("204").doesNotContain("200");
        assertThat(codes("/api/auth/login", "post")).contains("200", "401");
        assertThat(codes("/api/auth/password-reset/confirm", "post")).contains("204", "400", "410");
        assertThat(codes("/api/practitioner/payment-account/return", "get")).contains("303", "401", "403").doesNotContain("200");
        assertThat(codes("/api/practitioner/payouts", "post")).contains("201");
        assertThat(codes("/api/public/bookings/{accessToken}/checkout", "post")).contains("200", "503");
        assertThat(codes("/api/practitioner/bookings/{bookingId}", "get")).contains("200", "401", "403", "404");
    }

    @Test
    @DisplayName("issue 15: bookings, payments and payouts have their real schemas, and problems share one Problem schema")
    void schemas() {
        Map<String, Object> schemas = map(map(openApi, "components"), "schemas");
        assertThat(map(map(schemas, "Problem"), "properties")).containsKeys("type", "title", "status", "detail", "field");
        assertThat(map(map(schemas, "ApiViews.BookingView"), "properties")).containsKeys("id", "state", "start", "money", "nextStep");
        assertThat(map(map(schemas, "PractitionerViews.PayoutView"), "properties")).isNotEmpty();
        assertThat(document).contains("$ref: \"#/components/schemas/PractitionerViews.AgendaBookingView\"");
        Map<String, Object> schemesByName = map(map(openApi, "components"), "securitySchemes");
        assertThat(map(schemesByName, AuthController.COOKIE)).containsEntry("in", "cookie").containsEntry("name", "rendezvous_session");
    }

    @Test
    @DisplayName("amounts in answers may carry a sign (a ledger account, a balance, the earnings a CX-4 reversal undid); the prices clients send may not")
    void signedAmountsInAnswersOnly() {
        Map<String, Object> schemas = map(map(openApi, "components"), "schemas");
        String answers = (String) map(map(map(schemas, "ApiViews.Amount"), "properties"), "amount").get("pattern");
        String prices = (String) map(map(map(schemas, "ApiViews.Price"), "properties"), "amount").get("pattern");
        assertThat("-1.45").matches(answers);
        assertThat("60.00").matches(answers).matches(prices);
        assertThat("-1.45").doesNotMatch(prices);
    }

    @Test
    @DisplayName("Swagger UI is served")
    void swaggerUi() {
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/index.html"))).containsIgnoringCase("swagger");
    }

    private List<String> codes(String path, String method) {
        return new ArrayList<>(map(map(map(map(openApi, "paths"), path), method), "responses").keySet());
    }

    /** A route needs a session unless it is anonymous (by @Secured or, without one, by the intercept-url-map). */
    private static boolean secured(UriRouteInfo<?, ?> route) {
        String[] access = route.getAnnotationMetadata().stringValues(Secured.class);
        return access.length > 0 && !List.of(access).contains(SecurityRule.IS_ANONYMOUS);
    }

    /** Every body has a schema that says something: a $ref, a type other than a bare object, or properties. */
    private static void bodySchemas(String what, Map<String, Object> content, List<String> missing) {
        content.forEach((mediaType, media) -> {
            Map<String, Object> schema = map(media, "schema");
            Map<String, Object> inner = "array".equals(schema.get("type")) ? map(schema, "items") : schema;
            boolean says = inner.containsKey("$ref") || inner.containsKey("properties") || inner.containsKey("additionalProperties")
                    || inner.containsKey("allOf") || inner.containsKey("oneOf")
                    || inner.get("type") instanceof String type && !type.equals("object");
            if (!says) {
                missing.add(what + " (" + mediaType + ") has no schema: add content = @Content(schema = @Schema(implementation"
                        + " = TheView.class)) to its @ApiResponse, or give the method a typed return value");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object parent, String key) {
        if (parent instanceof Map<?, ?> m && m.get(key) instanceof Map<?, ?> child) {
            return (Map<String, Object>) child;
        }
        return Map.of();
    }
}
