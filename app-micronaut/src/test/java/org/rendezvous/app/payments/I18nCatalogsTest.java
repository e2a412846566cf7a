package org.rendezvous.app.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pages' messages (issue 14: every page in French and English): each catalog exists in both languages with
 * the same keys and no blank message, and every key a page uses literally is in the catalogs. Read from the
 * sources, so a gap fails the build before any browser runs.
 */
class I18nCatalogsTest {

    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Path CATALOGS = WEB.resolve("assets/i18n");
    private static final Pattern T_CALL = Pattern.compile("\\bt\\(\\s*'([^'$]+)'\\s*[,)]");
    private static final Pattern DATA_I18N = Pattern.compile("data-i18n=\"([^\"]+)\"");
    private static final Pattern DATA_I18N_ATTR = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");

    @Test
    @DisplayName("every catalog has the same keys in French and in English, none blank")
    void sameKeysInBothLanguages() throws IOException {
        Map<String, Map<String, String>> french = catalogs("fr");
        Map<String, Map<String, String>> english = catalogs("en");
        assertThat(english.keySet()).as("catalog files in en/ and fr/").isEqualTo(french.keySet());
        for (String name : french.keySet()) {
            Set<String> onlyFrench = new TreeSet<>(french.get(name).keySet());
            onlyFrench.removeAll(english.get(name).keySet());
            Set<String> onlyEnglish = new TreeSet<>(english.get(name).keySet());
            onlyEnglish.removeAll(french.get(name).keySet());
            assertThat(onlyFrench).as("keys of %s.json missing in English", name).isEmpty();
            assertThat(onlyEnglish).as("keys of %s.json missing in French", name).isEmpty();
            for (Map<String, Map<String, String>> language : java.util.List.of(french, english)) {
                language.get(name).forEach((key, text) ->
                        assertThat(text).as("message %s in %s.json", key, name).isNotBlank());
            }
        }
    }

    @Test
    @DisplayName("every key a page uses (t('…'), data-i18n, data-i18n-attr) is in the catalogs")
    void everyUsedKeyExists() throws IOException {
        Set<String> known = new TreeSet<>();
        catalogs("fr").values().forEach(c -> known.addAll(c.keySet()));
        Map<String, Set<String>> missing = new TreeMap<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file);
                Set<String> used = new TreeSet<>();
                collect(T_CALL.matcher(text), used);
                collect(DATA_I18N.matcher(text), used);
                Matcher attributes = DATA_I18N_ATTR.matcher(text);
                while (attributes.find()) {
                    for (String pair : attributes.group(1).split(";")) {
                        String[] parts = pair.split(":", 2);
                        if (parts.length == 2) {
                            used.add(parts[1].trim());
                        }
                    }
                }
                used.removeAll(known);
                if (!used.isEmpty()) {
                    missing.put(WEB.relativize(file).toString(), used);
                }
            }
        }
        assertThat(missing).as("keys used by pages but in no catalog").isEmpty();
    }

    @Test
    @DisplayName("every key a page written by the host uses (PageTexts: the sandbox's pages) is in its catalog, in both languages")
    void everyKeyOfTheHostsPagesExists() throws IOException {
        Pattern catalogOf = Pattern.compile("texts\\.of\\(\\w+, \"([\\w-]+)\"\\)");
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, Map<String, String>> french = catalogs("fr");
        Map<String, Map<String, String>> english = catalogs("en");
        int pages = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher catalogs = catalogOf.matcher(text);
                while (catalogs.find()) {
                    String catalog = catalogs.group(1);
                    pages++;
                    assertThat(french).as("catalog %s used by %s", catalog, file).containsKey(catalog);
                    Matcher keys = Pattern.compile("\"(" + Pattern.quote(catalog) + "\\.[\\w.]+)\"").matcher(text);
                    while (keys.find()) {
                        for (Map<String, Map<String, String>> language : java.util.List.of(french, english)) {
                            if (!language.get(catalog).containsKey(keys.group(1))) {
                                missing.computeIfAbsent(file.getFileName().toString(), f -> new TreeSet<>()).add(keys.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(pages).as("pages the host writes with PageTexts").isPositive();
        assertThat(missing).as("keys used by the host's pages but in no catalog").isEmpty();
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Map<String, Map<String, String>> catalogs(String language) throws IOException {
        JsonMapper json = JsonMapper.createDefault();
        Map<String, Map<String, String>> catalogs = new TreeMap<>();
        try (Stream<Path> files = Files.list(CATALOGS.resolve(language))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Map<String, String> messages = json.readValue(Files.readAllBytes(file),
                        Argument.mapOf(String.class, String.class));
                catalogs.put(file.getFileName().toString().replace(".json", ""), messages);
            }
        }
        return catalogs;
    }
}
