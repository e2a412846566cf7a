package org.rendezvous.persistence;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The small arrays of this schema (consultation modes, skipped dates, allowed activity ids) cross the
 * driver as one comma-separated text, turned into a typed array by {@code string_to_array(…)::type[]}
 * in the SQL and back by {@code array_to_string(…, ',')}: none of their elements (enum names, ISO
 * dates, UUIDs) can contain a comma, and this needs no array type registered with the driver.
 */
final class SqlArrays {

    private SqlArrays() {
    }

    static String join(Collection<?> elements) {
        return elements.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(joined.split(","));
    }
}
