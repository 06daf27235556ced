package dev.mlsandbox.bundle.config;

import java.math.BigDecimal;

/**
 * A string, bool, int (long), float (double) or null, resolved the YAML 1.2 way (as the Databricks
 * CLI's YAML reader does: {@code yes} and {@code on} stay strings).
 *
 * @param value    a String, Boolean, Long, Double or null
 * @param location where it was written
 * @param anchored whether it carried a YAML anchor
 */
public record ScalarValue(Object value, Location location, boolean anchored) implements Value {

    public ScalarValue {
        if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double)) {
            throw new IllegalArgumentException("unsupported scalar " + value.getClass().getName());
        }
    }

    public static ScalarValue of(Object value, Location location) {
        return new ScalarValue(value, location, false);
    }

    public static ScalarValue nil(Location location) {
        return new ScalarValue(null, location, false);
    }

    @Override
    public Kind kind() {
        if (value == null) {
            return Kind.NIL;
        }
        if (value instanceof String) {
            return Kind.STRING;
        }
        if (value instanceof Boolean) {
            return Kind.BOOL;
        }
        return value instanceof Long ? Kind.INT : Kind.FLOAT;
    }

    @Override
    public ScalarValue at(Location l) {
        return new ScalarValue(value, l, anchored);
    }

    /** The text interpolation uses: {@code true}, {@code 12}, {@code 0.5}; null prints as {@code <nil>} like Go. */
    public String text() {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof Double d) {
            return formatFloat(d);
        }
        return value.toString();
    }

    /** Floats as Go prints them with %v where it matters here: integral values without ".0". */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return Long.toString((long) d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toString();
    }

    @Override
    public String toString() {
        return value instanceof String s ? '"' + s + '"' : text();
    }
}
