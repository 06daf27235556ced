package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Schema enforcement as MLflow's pyfunc applies it before a model scores ({@code _enforce_schema}):
 * <ul>
 *   <li>a required column of the signature that the request lacks is an error
 *       ("Model is missing inputs [...]"); an optional one may be absent;</li>
 *   <li>a column the signature does not declare is ignored, with a warning;</li>
 *   <li>a column of the declared type passes; a safe widening is converted
 *       (integer to long, integer to double, float to double); anything else is refused,
 *       including long to double, because a 64-bit integer does not fit a double's 53-bit mantissa
 *       (MLflow allows integer to double only for integers of at most 6 bytes).</li>
 * </ul>
 * Serving calls {@link #check} on a request's column types or {@link #enforce} on a frame.
 */
public final class SchemaEnforcement {

    /** How a provided column type relates to the declared one. */
    public enum Conversion { SAME, WIDEN, REFUSED }

    private SchemaEnforcement() {
    }

    public static Conversion conversion(ColumnType provided, ColumnType declared) {
        if (provided == declared) {
            return Conversion.SAME;
        }
        boolean widen = switch (provided) {
            case INTEGER -> declared == ColumnType.LONG || declared == ColumnType.DOUBLE;
            case FLOAT -> declared == ColumnType.DOUBLE;
            default -> false;
        };
        return widen ? Conversion.WIDEN : Conversion.REFUSED;
    }

    /** Checks a request whose columns have the given types (in request order). */
    public static EnforcementResult check(Schema declared, Map<String, ColumnType> provided) {
        List<String> missing = new ArrayList<>();
        for (ColumnSpec c : declared.columns()) {
            if (c.required() && !provided.containsKey(c.name())) {
                missing.add(c.name());
            }
        }
        List<String> extra = provided.keySet().stream().filter(n -> declared.column(n).isEmpty()).toList();
        if (!missing.isEmpty()) {
            String message = "Model is missing inputs " + pyList(missing) + ".";
            if (!extra.isEmpty()) {
                message += " Note that there were extra inputs: " + pyList(extra) + ".";
            }
            message += " Every required column of the signature must be present; add "
                    + (missing.size() == 1 ? "it" : "them") + " to the request (signature inputs: "
                    + String.join(", ", declared.names()) + ").";
            return new EnforcementResult(false, message, List.of(), Map.of());
        }
        Map<String, ColumnType> widened = new LinkedHashMap<>();
        for (ColumnSpec c : declared.columns()) {
            ColumnType actual = provided.get(c.name());
            if (actual == null) {
                continue;
            }
            switch (conversion(actual, c.type())) {
                case SAME -> { }
                case WIDEN -> widened.put(c.name(), c.type());
                case REFUSED -> {
                    return new EnforcementResult(false, "Incompatible input types for column " + c.name()
                            + ". Can not safely convert " + actual.mlflowName() + " to " + c.type().mlflowName()
                            + ". " + why(actual, c.type()) + " Send " + c.type().mlflowName()
                            + " values, or log the model with a signature that declares " + actual.mlflowName() + ".",
                            List.of(), Map.of());
                }
                default -> throw new IllegalStateException();
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!extra.isEmpty()) {
            warnings.add("Found extra inputs in the model input that are not defined in the model signature: "
                    + pyList(extra) + ". These inputs will be ignored.");
        }
        List<String> notes = new ArrayList<>(warnings);
        widened.forEach((name, to) -> notes.add("column " + name + " widened from "
                + provided.get(name).mlflowName() + " to " + to.mlflowName() + "."));
        String message = notes.isEmpty() ? "Input matches the signature." : String.join(" ", notes);
        return new EnforcementResult(true, message, warnings, widened);
    }

    /** Checks a Spark frame's column types. */
    public static EnforcementResult check(Schema declared, StructType provided) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (StructField f : provided.fields()) {
            types.put(f.name(), ColumnType.fromSpark(f.name(), f.dataType()));
        }
        return check(declared, types);
    }

    /**
     * The frame a model may score: the declared columns in signature order, widened where
     * allowed, extra columns dropped. Throws {@link SchemaViolation} with the enforcement
     * message when the frame does not fit.
     */
    public static Dataset<Row> enforce(Schema declared, Dataset<Row> frame) {
        EnforcementResult result = check(declared, frame.schema());
        if (!result.accepted()) {
            throw new SchemaViolation(result.message());
        }
        List<String> present = List.of(frame.columns());
        List<Column> select = new ArrayList<>();
        for (ColumnSpec c : declared.columns()) {
            if (!present.contains(c.name())) {
                continue;
            }
            ColumnType to = result.widened().get(c.name());
            select.add(to == null ? frame.col(c.name()) : frame.col(c.name()).cast(to.sparkType()).as(c.name()));
        }
        return frame.select(select.toArray(Column[]::new));
    }

    private static String why(ColumnType from, ColumnType to) {
        if (from == ColumnType.LONG && to == ColumnType.DOUBLE) {
            return "A long can hold integers a double cannot represent exactly (beyond 2^53).";
        }
        if (isNumeric(from) && isNumeric(to)) {
            return "Narrowing (or integer/float reinterpretation) can change values; only integer->long,"
                    + " integer->double and float->double are widened.";
        }
        return "MLflow converts only the safe numeric widenings integer->long, integer->double and float->double.";
    }

    private static boolean isNumeric(ColumnType t) {
        return t == ColumnType.INTEGER || t == ColumnType.LONG || t == ColumnType.FLOAT || t == ColumnType.DOUBLE;
    }

    /** Python's repr of a list of strings, as MLflow's messages show it. */
    private static String pyList(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
