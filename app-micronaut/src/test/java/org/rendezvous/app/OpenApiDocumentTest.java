package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The OpenAPI description stays true to the code: every route the app serves is in it, with its method. */
@MicronautTest
class OpenApiDocumentTest {

    @Inject
    Router router;

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @DisplayName("the OpenAPI document is served and lists every route of the app's controllers")
    void documentListsEveryRoute() {
        String document = http.toBlocking().retrieve(HttpRequest.GET("/swagger/rendezvous-0.1.yml"));
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(route -> route.getDeclaringType().getPackageName().equals("org.rendezvous.app"))
                .<UriRouteInfo<?, ?>>map(route -> route)
                .toList();
        assertThat(routes).isNotEmpty();
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toPathString();
            String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
            if (method.equals("head")) {
                continue; // Micronaut answers HEAD for every GET by itself
            }
            int at = document.indexOf("\n  " + path + ":\n");
            assertThat(at).as("%s is in the OpenAPI document", path).isGreaterThanOrEqualTo(0);
            int next = document.indexOf("\n  /", at + 1);
            String block = document.substring(at, next < 0 ? document.length() : next);
            assertThat(block).as("%s %s is in the OpenAPI document", method, path).contains("\n    " + method + ":");
        }
    }

    @Test
    @DisplayName("Swagger UI is served")
    void swaggerUi() {
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/index.html"))).containsIgnoringCase("swagger");
    }
}
