package dev.mlsandbox.serving.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.registry.signature.ColumnType;

/**
 * Turns one request column (JSON values, or CSV fields as text) into typed values, the way
 * MLflow's scoring server gets them to a Spark model through pandas:
 * <ul>
 *   <li>a column the signature declares is cast to the declared type, as
 *       {@code cast_df_types_according_to_schema} does with {@code DataFrame.astype}: numbers and
 *       numeric strings become numbers, a fraction sent for an integer column is truncated, a null
 *       in a float column becomes NaN, a null in an integer column is an error (pandas cannot hold
 *       it), text that is no number is an error;</li>
 *   <li>a column it does not declare (or every column, without a signature) is typed as pandas
 *       infers it: integers int64 (long), any fraction or null among numbers float64 (double),
 *       text string, true/false boolean.</li>
 * </ul>
 * Where pandas would silently do something a Spark model cannot use (wrap an out-of-range
 * integer, keep a column that mixes text and numbers), the sandbox refuses with a 400 instead;
 * docs/serving.md lists these.
 */
final class ColumnCast {

    /** A typed column. */
    record Column(ColumnType type, Object[] values) {
    }

    private ColumnCast() {
    }

    /** numpy's name for the dtype MLflow casts a column of this type to ({@code DataType.to_pandas}). */
    static String numpyName(ColumnType type) {
        return type.numpyDtype();
    }

    /** The type pandas infers for a JSON column, and the values in it. */
    static Column infer(String name, List<JsonNode> values) {
        boolean text = false;
        boolean bool = false;
        boolean number = false;
        boolean fraction = false;
        boolean nulls = false;
        for (JsonNode v : values) {
            if (v == null || v.isNull()) {
                nulls = true;
            } else if (v.isContainerNode()) {
                throw nested(name);
            } else if (v.isTextual()) {
                text = true;
            } else if (v.isBoolean()) {
                bool = true;
            } else if (v.isNumber()) {
                number = true;
                fraction |= !v.isIntegralNumber();
            } else {
                throw invalid(name, "holds a value of JSON type " + v.getNodeType());
            }
        }
        int kinds = (text ? 1 : 0) + (bool ? 1 : 0) + (number ? 1 : 0);
        if (kinds > 1) {
            throw invalid(name, "mixes " + (text ? "text" : "") + (text && (bool || number) ? " and " : "")
                    + (bool ? "booleans" : "") + (bool && number ? " and " : "") + (number ? "numbers" : "")
                    + "; pandas would keep it as objects and Spark cannot merge the types (declare the column in the"
                    + " model's signature, or send one type)");
        }
        ColumnType type;
        if (number) {
            type = fraction || nulls ? ColumnType.DOUBLE : ColumnType.LONG;
        } else if (bool) {
            type = ColumnType.BOOLEAN;
        } else {
            type = ColumnType.STRING;
        }
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = values.get(i);
            boolean isNull = v == null || v.isNull();
            out[i] = switch (type) {
                case DOUBLE -> isNull ? Double.NaN : v.asDouble();
                case LONG -> longOf(name, v, ColumnType.LONG);
                case BOOLEAN -> isNull ? null : v.asBoolean();
                default -> isNull ? null : v.asText();
            };
        }
        return new Column(type, out);
    }

    /** The values cast to the declared type, or a 400 BAD_REQUEST in MLflow's words. */
    static Object[] cast(String name, List<JsonNode> values, ColumnType declared) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = values.get(i);
            if (v != null && v.isContainerNode()) {
                throw nested(name);
            }
            out[i] = cast(name, v == null || v.isNull() ? null : v, declared);
        }
        return out;
    }

    private static Object cast(String name, JsonNode v, ColumnType type) {
        switch (type) {
            case DOUBLE, FLOAT: {
                double d;
                if (v == null) {
                    d = Double.NaN;
                } else if (v.isNumber()) {
                    d = v.asDouble();
                } else if (v.isBoolean()) {
                    d = v.asBoolean() ? 1.0 : 0.0;
                } else {
                    d = parseFloat(name, v.asText(), type);
                }
                return type == ColumnType.FLOAT ? (Object) (float) d : (Object) d;
            }
            case INTEGER, LONG: {
                if (v == null || v.isNumber() && !v.isIntegralNumber() && !Double.isFinite(v.asDouble())) {
                    throw conversion(name, type, "IntCastingNaNError('Cannot convert non-finite values (NA or inf) to"
                            + " integer')");
                }
                long l = longOf(name, v, type);
                if (type == ColumnType.INTEGER) {
                    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                        throw conversion(name, type, "OverflowError('Python int too large to convert to C int')");
                    }
                    return (int) l;
                }
                return l;
            }
            case STRING: {
                if (v == null) {
                    return null;
                }
                // astype(object) leaves a number a number; Spark then casts it to a string column.
                return v.isTextual() ? v.asText() : v.isIntegralNumber() ? v.bigIntegerValue().toString()
                        : v.isNumber() ? Double.toString(v.asDouble()) : String.valueOf(v.asBoolean());
            }
            case BOOLEAN: {
                if (v == null) {
                    return null;
                }
                if (v.isBoolean()) {
                    return v.asBoolean();
                }
                if (v.isNumber() && (v.asDouble() == 0.0 || v.asDouble() == 1.0)) {
                    return v.asDouble() == 1.0;
                }
                throw conversion(name, type, "ValueError(\"the sandbox takes true, false, 0 or 1 for a boolean column,"
                        + " got " + v + "\")");
            }
            case DATETIME:
                return v == null ? null : instant(name, v.asText());
            case BINARY: {
                if (v == null) {
                    return null;
                }
                try {
                    return Base64.getMimeDecoder().decode(v.asText());
                } catch (IllegalArgumentException e) {
                    throw conversion(name, type, "Error('" + e.getMessage() + "')");
                }
            }
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    /** A value for an integer column: integral numbers as they are, fractions truncated (numpy's astype), text as Python's int(). */
    private static long longOf(String name, JsonNode v, ColumnType type) {
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw conversion(name, type, "OverflowError('Python int too large to convert to C long')");
            }
            return v.asLong();
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            if (d >= 0x1p63 || d < -0x1p63) {
                throw conversion(name, type, "OverflowError('Python int too large to convert to C long')");
            }
            return (long) d;
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1 : 0;
        }
        String s = v.asText().strip().replace("_", "");
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw conversion(name, type, "ValueError(\"invalid literal for int() with base 10: '" + v.asText() + "'\")");
        }
    }

    /** Python's float(): decimal or scientific text, nan, inf and infinity in any case, with surrounding blanks. */
    static double parseFloat(String name, String text, ColumnType type) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        double sign = s.startsWith("-") ? -1.0 : 1.0;
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (!s.isEmpty() && s.chars().allMatch(c -> Character.isDigit(c) || "+-.e_".indexOf(c) >= 0)) {
            try {
                return Double.parseDouble(s.replace("_", ""));
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        throw conversion(name, type, "ValueError(\"could not convert string to float: '" + text + "'\")");
    }

    private static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw conversion(name, ColumnType.DATETIME, "ValueError(\"Unknown datetime string format, unable to"
                            + " parse: " + text + "\")");
                }
            }
        }
    }

    /** MLflow's {@code MlflowFailedTypeConversion}. */
    static MlflowException conversion(String name, ColumnType type, String pythonError) {
        return new MlflowException(ErrorCode.BAD_REQUEST, "Invalid input. Data is not compatible with model signature."
                + " Failed to convert column " + name + " to type '" + numpyName(type) + "'. Error: '" + pythonError + "'");
    }

    private static MlflowException nested(String name) {
        return invalid(name, "holds JSON arrays or objects; a Spark ML model takes scalar columns");
    }

    private static MlflowException invalid(String name, String what) {
        return new MlflowException(ErrorCode.BAD_REQUEST, "Invalid input. Column '" + name + "' " + what + ".");
    }
}
