package dev.mlsandbox.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * The rows of one scoring request, typed the way MLflow's pyfunc would hand them to a Spark model:
 * named columns, each with an MLflow column type, and one {@code Object[]} per row whose values
 * are of that type's Java class ({@link #javaClass}) or null.
 *
 * <p>The request parser builds it from JSON or CSV; a scorer reads it. It is immutable: the
 * row arrays are copied in and never handed out.
 *
 * @param columns column names, unique, in request order
 * @param types   the MLflow type of each column
 * @param rows    the values, one array per row, as long as {@code columns}
 */
public record InputFrame(List<String> columns, List<ColumnType> types, List<Object[]> rows) {

    public InputFrame {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        if (columns.size() != types.size()) {
            throw new IllegalArgumentException("an input frame needs one type per column: " + columns.size()
                    + " columns, " + types.size() + " types");
        }
        if (new java.util.HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("column names must be unique, got " + columns);
        }
        List<Object[]> copy = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row " + copy.size() + " has " + row.length + " values for "
                        + columns.size() + " columns " + columns);
            }
            for (int c = 0; c < row.length; c++) {
                Object v = row[c];
                if (v != null && !javaClass(types.get(c)).isInstance(v)) {
                    throw new IllegalArgumentException("row " + copy.size() + ", column '" + columns.get(c) + "' ("
                            + types.get(c).mlflowName() + "): " + v.getClass().getSimpleName() + " value " + v
                            + " is not a " + javaClass(types.get(c)).getSimpleName());
                }
            }
            copy.add(row.clone());
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** One row. */
    public static InputFrame of(List<String> columns, List<ColumnType> types, Object... row) {
        List<Object[]> rows = new ArrayList<>(1);
        rows.add(row);
        return new InputFrame(columns, types, rows);
    }

    /** The Java class of a value of the given type: Integer for integer, Long for long, ... */
    public static Class<?> javaClass(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> Boolean.class;
            case INTEGER -> Integer.class;
            case LONG -> Long.class;
            case FLOAT -> Float.class;
            case DOUBLE -> Double.class;
            case STRING -> String.class;
            case BINARY -> byte[].class;
            case DATETIME -> java.time.Instant.class;
        };
    }

    public int size() {
        return rows.size();
    }

    /** Position of a column, or -1. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }

    /** A copy of row {@code r}. */
    public Object[] row(int r) {
        return rows.get(r).clone();
    }

    /** The value at row {@code r}, column {@code c}. */
    public Object value(int r, int c) {
        return rows.get(r)[c];
    }

    /** Column name to type, in column order. */
    public Map<String, ColumnType> columnTypes() {
        Map<String, ColumnType> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), types.get(i));
        }
        return m;
    }

    /**
     * The frame with only the named columns, in the given order (the names must exist): what is
     * left after schema enforcement drops the columns a signature does not declare.
     */
    public InputFrame select(List<String> names) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            at.put(columns.get(i), i);
        }
        int[] idx = new int[names.size()];
        List<ColumnType> t = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) {
            Integer p = at.get(names.get(i));
            if (p == null) {
                throw new IllegalArgumentException("no column '" + names.get(i) + "' in " + columns);
            }
            idx[i] = p;
            t.add(types.get(p));
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] r = new Object[idx.length];
            for (int i = 0; i < idx.length; i++) {
                r[i] = row[idx[i]];
            }
            out.add(r);
        }
        return new InputFrame(names, t, out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InputFrame f) || !f.columns.equals(columns) || !f.types.equals(types)
                || f.rows.size() != rows.size()) {
            return false;
        }
        for (int r = 0; r < rows.size(); r++) {
            if (!Arrays.deepEquals(rows.get(r), f.rows.get(r))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(columns, types);
        for (Object[] row : rows) {
            h = 31 * h + Arrays.deepHashCode(row);
        }
        return h;
    }

    @Override
    public String toString() {
        return "InputFrame" + columns + " x " + rows.size() + " rows";
    }
}
