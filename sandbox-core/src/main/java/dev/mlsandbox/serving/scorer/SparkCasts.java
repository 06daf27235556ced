package dev.mlsandbox.serving.scorer;

/**
 * The casts Spark's stages apply to their inputs ({@code cast(DoubleType)}, {@code cast(StringType)}
 * and back), with Spark 4's ANSI rules (on by default): a malformed string or an out-of-range
 * value fails the row instead of becoming null.
 */
final class SparkCasts {

    private SparkCasts() {
    }

    /** {@code cast(DoubleType)} of a scalar that is not null. */
    static double toDouble(Object v, String column) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new ScoringFailure("[CAST_INVALID_INPUT] The value '" + s + "' of the type \"STRING\" cannot be"
                        + " cast to \"DOUBLE\" because it is malformed (column " + column + ")");
            }
        }
        throw new ScoringFailure("column " + column + " holds a " + v.getClass().getSimpleName()
                + ", which cannot be cast to DOUBLE");
    }

    /**
     * {@code cast(StringType)} of a scalar that is not null: strings as they are, integers and
     * booleans in their decimal / {@code true} form; doubles in Java's shortest form, which is
     * what Spark prints for the values a StringIndexer usually sees (an index like {@code 1.0}).
     */
    static String toSparkString(Object v) {
        if (v instanceof String s) {
            return s;
        }
        return String.valueOf(v);
    }

    /** NaN in a float or double column: what Spark's {@code na.drop} drops besides nulls. */
    static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
    }

    /**
     * The double cast back to the column's own type, as ImputerModel does ({@code .cast(inputType)}):
     * integers truncate toward zero, and a value outside the type's range fails as Spark's ANSI cast does.
     */
    static Object castBack(double d, dev.mlsandbox.registry.signature.ColumnType type, String column) {
        return switch (type) {
            case DOUBLE -> d;
            case FLOAT -> (float) d;
            case INTEGER -> {
                if (!(d >= Integer.MIN_VALUE && d < Integer.MAX_VALUE + 1.0)) {
                    throw overflow(d, "INT", column);
                }
                yield (int) d;
            }
            case LONG -> {
                if (!(d >= -0x1p63 && d < 0x1p63)) {
                    throw overflow(d, "BIGINT", column);
                }
                yield (long) d;
            }
            default -> throw new ScoringFailure("column " + column + " is " + type.mlflowName()
                    + "; ImputerModel needs numeric columns");
        };
    }

    private static ScoringFailure overflow(double d, String to, String column) {
        return new ScoringFailure("[CAST_OVERFLOW] The value " + d + "D of the type \"DOUBLE\" cannot be cast to \""
                + to + "\" due to an overflow (column " + column + ")");
    }
}
