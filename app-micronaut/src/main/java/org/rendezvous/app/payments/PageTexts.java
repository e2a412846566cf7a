package org.rendezvous.app.payments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rendezvous.app.http.Html;
import org.rendezvous.core.money.Money;

/**
 * The texts of the few pages the host writes itself (the sandbox provider's pages), in French (the default) or
 * English (issue 14), from the same catalogs as the static pages ({@code web/assets/i18n/{fr,en}/<name>.json}),
 * so that the texts live in catalogs, not in Java. The language is the page's {@code lang} query parameter (the
 * pages' own switch), then the choice the visitor stored with any page's switch (cookie {@code rendezvous_lang}), then
 * the browser's {@code Accept-Language}, then French.
 */
@Singleton
final class PageTexts {

    static final List<String> LANGUAGES = List.of("fr", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final JsonMapper json;
    private final Map<String, Map<String, String>> catalogs = new ConcurrentHashMap<>();

    PageTexts(JsonMapper json) {
        this.json = json;
    }

    /**
     * The cookie where the pages' language switch stores the visitor's choice (i18n.js {@code rememberLanguage}), read
     * by the pages the host writes itself.
     */
    static final String CHOICE_COOKIE = "rendezvous_lang";

    /**
     * The language of a request: {@code ?lang=fr|en}, then the visitor's stored choice (cookie {@code rendezvous_lang}),
     * then {@code Accept-Language}, then French.
     */
    static String languageOf(HttpRequest<?> request) {
        Optional<String> asked = request.getParameters().getFirst("lang").map(l -> l.trim().toLowerCase(Locale.ROOT))
                .filter(LANGUAGES::contains);
        if (asked.isPresent()) {
            return asked.get();
        }
        Optional<String> stored = request.getCookies().findCookie(CHOICE_COOKIE)
                .map(c -> c.getValue().trim().toLowerCase(Locale.ROOT)).filter(LANGUAGES::contains);
        if (stored.isPresent()) {
            return stored.get();
        }
        Optional<String> header = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE, String.class);
        if (header.isPresent()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header.get())) {
                    String code = range.getRange().length() >= 2 ? range.getRange().substring(0, 2).toLowerCase(Locale.ROOT)
                            : "";
                    if (range.getWeight() > 0 && LANGUAGES.contains(code)) {
                        return code;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is no choice: French.
            }
        }
        return "fr";
    }

    /** The texts of one catalog in the request's language. */
    Texts of(HttpRequest<?> request, String catalog) {
        String language = languageOf(request);
        return new Texts(language, catalog(language, catalog));
    }

    private Map<String, String> catalog(String language, String name) {
        return catalogs.computeIfAbsent(language + "/" + name, key -> {
            String path = "web/assets/i18n/" + key + ".json";
            try (InputStream in = PageTexts.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("no catalog " + path);
                }
                return Map.copyOf(json.readValue(in.readAllBytes(), Argument.mapOf(String.class, String.class)));
            } catch (IOException e) {
                throw new UncheckedIOException("catalog " + path, e);
            }
        });
    }

    /** One page's texts in one language; every text is HTML-escaped, parameters included. */
    static final class Texts {
        private final String language;
        private final Map<String, String> messages;

        Texts(String language, Map<String, String> messages) {
            this.language = Objects.requireNonNull(language, "language");
            this.messages = Objects.requireNonNull(messages, "messages");
        }

        String language() {
            return language;
        }

        Locale locale() {
            return "en".equals(language) ? Locale.UK : Locale.FRANCE;
        }

        /** The message, its {name} placeholders replaced, escaped for HTML. */
        String text(String key, String... nameValuePairs) {
            String message = messages.get(key);
            if (message == null) {
                throw new IllegalStateException("no message " + key + " in " + language);
            }
            Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
                values.put(nameValuePairs[i], nameValuePairs[i + 1]);
            }
            Matcher matcher = PLACEHOLDER.matcher(message);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (matcher.find()) {
                out.append(Html.escape(message.substring(last, matcher.start())));
                String value = values.get(matcher.group(1));
                out.append(Html.escape(value == null ? matcher.group() : value));
                last = matcher.end();
            }
            return out.append(Html.escape(message.substring(last))).toString();
        }

        /** The message as it is, not escaped: only as a parameter of another message, which escapes it. */
        String raw(String key) {
            String message = messages.get(key);
            if (message == null) {
                throw new IllegalStateException("no message " + key + " in " + language);
            }
            return message;
        }

        /** An amount in the page's locale: "60,00 €" in French, "€60.00" in English. */
        String money(Money money) {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale());
            format.setCurrency(money.currency());
            return format.format(money.toDecimal()).replace('\u202f', '\u00a0');
        }

        /** A date and time in the page's locale and the practitioner's zone. */
        String dateTime(Instant instant, ZoneId zone) {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale())
                    .format(instant.atZone(zone));
        }

        /** A page in this language: {@code <html lang>}, the title from the catalog, a FR | EN switch. */
        String page(String titleKey, String body) {
            String switcher = "<nav aria-label=\"" + text("sandbox.language") + "\"><a href=\"?lang=fr\" lang=\"fr\""
                    + ("fr".equals(language) ? " aria-current=\"true\"" : "") + ">FR</a> | <a href=\"?lang=en\" lang=\"en\""
                    + ("en".equals(language) ? " aria-current=\"true\"" : "") + ">EN</a></nav>";
            return Html.page(language, messages.getOrDefault(titleKey, titleKey), switcher + body);
        }

        /** A page that answers a form (no switch: its address takes no GET), or says a page is closed. */
        String result(String titleKey, String body) {
            return Html.page(language, messages.getOrDefault(titleKey, titleKey), body);
        }

        /** A form action that keeps the page's language for the page it answers. */
        String action(String path) {
            return path + "?lang=" + language;
        }
    }
}
