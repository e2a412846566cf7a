package org.rendezvous.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.outcome.Reason;

/**
 * Issue 14: people read a sentence for every problem the API answers, never its raw English detail. Each
 * problem type (every {@link Reason} of the core and every code the host answers by itself) has a
 * {@code problem.<code>} sentence in the common catalog of both languages.
 */
class ProblemSentencesTest {

    private static final Path CATALOGS = Path.of("src/main/resources/web/assets/i18n");
    private static final Path SOURCES = Path.of("src/main/java/org/rendezvous/app");

    @Test
    @DisplayName("every Reason of booking-core has a problem sentence in French and in English")
    void everyReasonHasASentence() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Reason reason : Reason.values()) {
            keys.add(key(Problem.of(reason, "x").type().toString()));
        }
        assertSentences(keys);
    }

    @Test
    @DisplayName("every problem code the host answers by itself (bad input, unauthorized, rate-limited…) has a sentence in both languages")
    void everyHostCodeHasASentence() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern literal = Pattern.compile("Problem\\.of\\(\"([A-Z_]+)\"");
        Pattern switchCase = Pattern.compile("-> \"([A-Z_]+)\"");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                for (Pattern pattern : List.of(literal, switchCase)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        if (file.endsWith("ProblemHandlers.java") || pattern == literal) {
                            keys.add(key(Problem.of(m.group(1), HttpStatus.BAD_REQUEST, "x").type().toString()));
                        }
                    }
                }
            }
        }
        assertThat(keys).as("the host's codes, read from its sources")
                .contains("problem.invalid-request", "problem.unauthorized", "problem.too-many-requests");
        assertSentences(keys);
    }

    private static String key(String type) {
        return "problem." + type.substring(type.lastIndexOf('/') + 1);
    }

    private static void assertSentences(Set<String> keys) throws IOException {
        for (String language : List.of("fr", "en")) {
            Map<String, String> common = JsonMapper.createDefault().readValue(
                    Files.readAllBytes(CATALOGS.resolve(language).resolve("common.json")), Argument.mapOf(String.class, String.class));
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(common.keySet());
            assertThat(missing).as("problem sentences missing in %s/common.json", language).isEmpty();
        }
    }
}
