package org.rendezvous.app.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.rendezvous.app.AccountsTestSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the pages the host writes itself (the sandbox's checkout, onboarding and billing pages) choose their
 * language in the same order as the other pages: the page's own switch ({@code ?lang}), then the choice the visitor
 * stored with any page's switch (cookie {@code rendezvous_lang}, written by i18n.js), then the browser's
 * Accept-Language, then French. Asked here of the sandbox's onboarding page for an unknown account (its answer, 404,
 * is one of those pages).
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class PageTextsLanguageTest {

    static final String FRENCH = "Cette page d&#39;ouverture de compte est fermée ou inconnue.";
    static final String ENGLISH = "This onboarding page is closed or unknown.";

    @Inject
    @Client("/")
    HttpClient client;

    String page(String query, String stored, String acceptLanguage) {
        MutableHttpRequest<?> request = HttpRequest.GET("/sandbox/onboarding/acct_nobody" + query);
        if (stored != null) {
            request.header("Cookie", PageTexts.CHOICE_COOKIE + "=" + stored);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return AccountsTestSupport.failure(client.toBlocking(), request).getResponse().getBody(String.class).orElseThrow();
    }

    @Test
    @DisplayName("issue 14 the stored choice (cookie rendezvous_lang) wins over the browser's Accept-Language")
    void storedChoiceBeforeTheBrowser() {
        assertThat(page("", "en", "fr-FR,fr;q=0.9")).contains("<html lang=\"en\"").contains(ENGLISH);
        assertThat(page("", "fr", "en-GB,en;q=0.9")).contains("<html lang=\"fr\"").contains(FRENCH);
    }

    @Test
    @DisplayName("issue 14 the page's own switch (?lang) wins over the stored choice")
    void pageSwitchFirst() {
        assertThat(page("?lang=fr", "en", "en")).contains(FRENCH);
        assertThat(page("?lang=en", "fr", "fr")).contains(ENGLISH);
    }

    @Test
    @DisplayName("issue 14 without a usable stored choice: the browser's Accept-Language, then French")
    void thenTheBrowserThenFrench() {
        assertThat(page("", "de", "en-US,en;q=0.9")).contains(ENGLISH);
        assertThat(page("", null, "en")).contains(ENGLISH);
        assertThat(page("", "xx", null)).contains(FRENCH);
        assertThat(page("", null, null)).contains(FRENCH);
    }
}
