package org.rendezvous.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows written as one multi-row {@code VALUES} list with named parameters, for one statement instead of a batch. */
final class SqlValues {

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> bindings = new LinkedHashMap<>();
    private int rows;

    /** Adds a row; its values in the order of the statement's columns (null allowed). */
    SqlValues row(Object... values) {
        sql.append(rows == 0 ? "" : ", ").append('(');
        for (int column = 0; column < values.length; column++) {
            String name = "r" + rows + "_" + column;
            sql.append(column == 0 ? "" : ", ").append(':').append(name);
            bindings.put(name, values[column]);
        }
        sql.append(')');
        rows++;
        return this;
    }

    SqlValues rows(List<Object[]> values) {
        values.forEach(this::row);
        return this;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** {@code (:r0_0, :r0_1), (:r1_0, :r1_1)}. */
    String sql() {
        return sql.toString();
    }

    Map<String, Object> bindings() {
        return bindings;
    }
}
