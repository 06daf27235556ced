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
 * Schema enforcement as MLflow's pyfunc applies it before a model scores ({@code _enforce_schema}
 * in {@code mlflow/models/utils.py}):
 * <ul>
 *   <li>named columns: a required column of the signature that the request lacks is an error
 *       ("Model is missing inputs [...]"); an optional one may be absent; a column the signature
 *       does not declare is ignored, with a warning;</li>
 *   <li>unnamed columns: matched by position, so only their count can be checked ("the inputs were
 *       not named in the signature so we can only verify their count"); columns beyond it are
 *       ignored;</li>
 *   <li>types: a column of the declared type passes; a safe widening is converted (integer to long,
 *       integer to double, float to double); anything else is refused, including long to double,
 *       because a 64-bit integer does not fit a double's 53-bit mantissa (MLflow allows integer to
 *       double only for integers of at most 6 bytes). A Spark ML vector or a list of doubles fits
 *       {@code sparkml_vector}; arrays, objects and maps must match item by item and property by
 *       property; {@code any} takes anything;</li>
 *   <li>tensors: a frame of scalar columns is one tensor per named column (shape {@code (-1,)} or
 *       {@code (-1, 1)}) or, unnamed, the whole frame (shape {@code (-1, number of columns)}) whose
 *       numpy dtype must equal the declared one ({@link #checkTensor} checks a tensor's dtype and
 *       shape, -1 matching any size);</li>
 *   <li>params: {@link #params} fills defaults, checks types and shapes, warns about unknown ones.</li>
 * </ul>
 * What the sandbox registers but cannot check is listed in the result's {@code notEnforced},
 * never refused. Serving calls {@link #check} on a request's column types or {@link #enforce} on a
 * frame; single JSON values are checked with {@link JsonValues#enforce}.
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

    /**
     * How a provided type of any kind relates to the declared one: scalars as {@link
     * #conversion(ColumnType, ColumnType)}; composites only when they match (a vector and an array
     * of doubles both fit {@code sparkml_vector}); anything fits {@code any}. Widening happens only
     * at the top level, as a cast of the column.
     */
    public static Conversion conversion(FieldType provided, FieldType declared) {
        if (declared instanceof AnyType || provided.equals(declared)) {
            return Conversion.SAME;
        }
        if (provided instanceof ColumnType p && declared instanceof ColumnType d) {
            return conversion(p, d);
        }
        if (declared instanceof SparkMLVectorType) {
            return provided.equals(new ArrayType(ColumnType.DOUBLE)) ? Conversion.SAME : Conversion.REFUSED;
        }
        if (declared instanceof ArrayType d && provided instanceof ArrayType p) {
            return conversion(p.items(), d.items()) == Conversion.SAME ? Conversion.SAME : Conversion.REFUSED;
        }
        if (declared instanceof MapType d && provided instanceof MapType p) {
            return conversion(p.values(), d.values()) == Conversion.SAME ? Conversion.SAME : Conversion.REFUSED;
        }
        if (declared instanceof ObjectType d && provided instanceof ObjectType p) {
            for (ObjectType.Property dp : d.properties()) {
                var pp = p.property(dp.name());
                if (pp.isEmpty() ? dp.required() : conversion(pp.get().type(), dp.type()) != Conversion.SAME) {
                    return Conversion.REFUSED;
                }
            }
            return p.properties().stream().allMatch(pp -> d.property(pp.name()).isPresent())
                    ? Conversion.SAME : Conversion.REFUSED;
        }
        return Conversion.REFUSED;
    }

    /** Checks a request whose columns have the given scalar types (in request order). */
    public static EnforcementResult check(Schema declared, Map<String, ColumnType> provided) {
        return checkFields(declared, new LinkedHashMap<String, FieldType>(provided));
    }

    /** Checks a request whose columns have the given MLflow types of any kind (in request order). */
    public static EnforcementResult checkFields(Schema declared, Map<String, ? extends FieldType> provided) {
        if (declared.isTensorSpec()) {
            return TensorEnforcement.frame(declared, provided);
        }
        if (declared.size() > 0 && !declared.hasInputNames()) {
            return positional(declared, provided);
        }
        return named(declared, provided);
    }

    private static EnforcementResult named(Schema declared, Map<String, ? extends FieldType> provided) {
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
            return EnforcementResult.refused(message);
        }
        List<String> columns = new ArrayList<>();
        Map<String, ColumnType> widened = new LinkedHashMap<>();
        List<String> notEnforced = new ArrayList<>();
        for (ColumnSpec c : declared.columns()) {
            FieldType actual = provided.get(c.name());
            if (actual == null) {
                continue;
            }
            EnforcementResult refused = typeCheck(c.name(), actual, c.dataType(), widened, notEnforced);
            if (refused != null) {
                return refused;
            }
            columns.add(c.name());
        }
        List<String> warnings = new ArrayList<>();
        if (!extra.isEmpty()) {
            warnings.add("Found extra inputs in the model input that are not defined in the model signature: "
                    + pyList(extra) + ". These inputs will be ignored.");
        }
        return accepted(warnings, widened, provided, columns, notEnforced);
    }

    private static EnforcementResult positional(Schema declared, Map<String, ? extends FieldType> provided) {
        int n = declared.size();
        if (provided.size() < n) {
            return EnforcementResult.refused("Model inference is missing inputs. The model signature declares " + n
                    + " inputs  but the provided value only has " + provided.size() + " inputs. Note: the inputs were"
                    + " not named in the signature so we can only verify their count. Send " + n + " columns: the"
                    + " model takes them by position (" + declared.repr() + ").");
        }
        List<String> names = new ArrayList<>(provided.keySet());
        List<String> columns = new ArrayList<>();
        Map<String, ColumnType> widened = new LinkedHashMap<>();
        List<String> notEnforced = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            EnforcementResult refused = typeCheck(name, provided.get(name), declared.columns().get(i).dataType(), widened,
                    notEnforced);
            if (refused != null) {
                return refused;
            }
            columns.add(name);
        }
        return accepted(List.of(), widened, provided, columns, notEnforced);
    }

    /** Null when the column fits (recording a widening or what is not enforced), else the refusal. */
    private static EnforcementResult typeCheck(String name, FieldType actual, FieldType declared,
                                               Map<String, ColumnType> widened, List<String> notEnforced) {
        if (declared instanceof AnyType) {
            notEnforced.add("column " + name + " is declared any: MLflow validates nothing for AnyType, nor does the sandbox");
            return null;
        }
        if (declared instanceof ObjectType && actual instanceof MapType m && conversionOfValues(m, (ObjectType) declared)) {
            notEnforced.add("column " + name + " is a map sent for the object " + declared.repr() + ": its keys are data,"
                    + " so they are checked per value (JsonValues.enforce), not from the column type");
            return null;
        }
        switch (conversion(actual, declared)) {
            case SAME -> {
                return null;
            }
            case WIDEN -> {
                widened.put(name, (ColumnType) declared);
                return null;
            }
            default -> {
                return EnforcementResult.refused("Incompatible input types for column " + name + ". Can not safely convert "
                        + actual.repr() + " to " + declared.repr() + ". " + why(actual, declared) + " Send "
                        + declared.repr() + " values, or log the model with a signature that declares "
                        + actual.repr() + ".");
            }
        }
    }

    private static boolean conversionOfValues(MapType provided, ObjectType declared) {
        return declared.properties().stream().allMatch(p -> conversion(provided.values(), p.type()) == Conversion.SAME);
    }

    private static EnforcementResult accepted(List<String> warnings, Map<String, ColumnType> widened,
                                              Map<String, ? extends FieldType> provided, List<String> columns,
                                              List<String> notEnforced) {
        List<String> notes = new ArrayList<>(warnings);
        widened.forEach((name, to) -> notes.add("column " + name + " widened from "
                + provided.get(name).mlflowName() + " to " + to.mlflowName() + "."));
        notEnforced.forEach(n -> notes.add("Registered, not enforced: " + n + "."));
        String message = notes.isEmpty() ? "Input matches the signature." : String.join(" ", notes);
        return new EnforcementResult(true, message, warnings, widened, columns, notEnforced);
    }

    /** Checks a Spark frame's column types (vectors, arrays, structs and maps included). */
    public static EnforcementResult check(Schema declared, StructType provided) {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (StructField f : provided.fields()) {
            types.put(f.name(), SparkFieldTypes.provided(f.name(), f.dataType()));
        }
        return checkFields(declared, types);
    }

    /**
     * The frame a model may score: the declared columns in signature order (for unnamed columns the
     * first ones), widened where allowed, extra columns dropped. Throws {@link SchemaViolation} with
     * the enforcement message when the frame does not fit.
     */
    public static Dataset<Row> enforce(Schema declared, Dataset<Row> frame) {
        EnforcementResult result = check(declared, frame.schema());
        if (!result.accepted()) {
            throw new SchemaViolation(result.message());
        }
        List<Column> select = new ArrayList<>();
        for (String c : result.columns()) {
            ColumnType to = result.widened().get(c);
            select.add(to == null ? frame.col(c) : frame.col(c).cast(to.sparkType()).as(c));
        }
        return frame.select(select.toArray(Column[]::new));
    }

    /**
     * MLflow's {@code _enforce_tensor_spec}: a tensor of this numpy dtype and shape against the
     * declared one. The ranks must match, each declared size must match unless it is -1, the dtype
     * must be the same; MLflow lets ragged input (an {@code object} array of shape {@code (n,)})
     * through a spec with a variable inner dimension, and anything through {@code object (-1,)}.
     */
    public static EnforcementResult checkTensor(TensorSpec declared, String dtype, List<Long> shape) {
        return TensorEnforcement.tensor(declared, dtype, shape);
    }

    /** The checked parameters of one request, defaults filled in. */
    public record ParamsResult(Map<String, com.fasterxml.jackson.databind.JsonNode> values, List<String> warnings) {
        public ParamsResult {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * MLflow's {@code _enforce_params_schema}: without a params schema, params are ignored with a
     * warning; with one, unknown keys are ignored with a warning, a missing parameter takes its
     * default, and a value of the wrong type or shape throws {@link SchemaViolation} naming every
     * invalid parameter ("Invalid parameters found: {...}").
     *
     * @param schema the signature's params, or null
     * @param params the request's {@code params} object, or null
     */
    public static ParamsResult params(ParamSchema schema, com.fasterxml.jackson.databind.JsonNode params) {
        boolean empty = params == null || params.isNull() || params.isObject() && params.isEmpty();
        List<String> warnings = new ArrayList<>();
        if (schema == null) {
            if (!empty) {
                List<String> keys = new ArrayList<>();
                if (params.isObject()) {
                    params.fieldNames().forEachRemaining(keys::add);
                }
                warnings.add("`params` can only be specified at inference time if the model signature defines a params"
                        + " schema. This model does not define a params schema. " + (params.isObject()
                        ? "Ignoring provided params: " + pyList(keys) : "Ignoring invalid params (not a dictionary)."));
            }
            return new ParamsResult(Map.of(), warnings);
        }
        if (!empty && !params.isObject()) {
            throw new SchemaViolation("Parameters must be a dictionary. Got type '"
                    + PyJson.typeOf(params).replaceAll("<class '(.*)'>", "$1") + "'.");
        }
        List<String> unknown = new ArrayList<>();
        if (!empty) {
            params.fieldNames().forEachRemaining(k -> {
                if (schema.param(k).isEmpty()) {
                    unknown.add(k);
                }
            });
        }
        if (!unknown.isEmpty()) {
            warnings.add("Unrecognized params " + pyList(unknown) + " are ignored for inference. Supported params are: "
                    + schema.params().stream().map(p -> PyJson.repr(p.name())).collect(Collectors.joining(", ", "{", "}"))
                    + ". To enable them, please add corresponding schema in ModelSignature.");
        }
        Map<String, com.fasterxml.jackson.databind.JsonNode> values = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (ParamSpec spec : schema.params()) {
            if (!empty && params.has(spec.name())) {
                try {
                    values.put(spec.name(), JsonValues.param(params.get(spec.name()), spec));
                } catch (SchemaViolation e) {
                    invalid.add("(" + PyJson.repr(spec.name()) + ", " + PyJson.repr(e.getMessage()) + ")");
                }
            } else {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        if (!invalid.isEmpty()) {
            throw new SchemaViolation("Invalid parameters found: " + String.join(", ", invalid).transform(s -> "{" + s + "}"));
        }
        return new ParamsResult(values, warnings);
    }

    private static String why(FieldType from, FieldType to) {
        if (from == ColumnType.LONG && to == ColumnType.DOUBLE) {
            return "A long can hold integers a double cannot represent exactly (beyond 2^53).";
        }
        if (from instanceof ColumnType f && to instanceof ColumnType t && isNumeric(f) && isNumeric(t)) {
            return "Narrowing (or integer/float reinterpretation) can change values; only integer->long,"
                    + " integer->double and float->double are widened.";
        }
        if (!from.isScalar() || !to.isScalar()) {
            return "Composite types must match: the same item type for arrays, value type for maps, properties for"
                    + " objects; a Spark ML vector or a list of doubles for sparkml_vector.";
        }
        return "MLflow converts only the safe numeric widenings integer->long, integer->double and float->double.";
    }

    private static boolean isNumeric(ColumnType t) {
        return t == ColumnType.INTEGER || t == ColumnType.LONG || t == ColumnType.FLOAT || t == ColumnType.DOUBLE;
    }

    /** Python's repr of a list of strings, as MLflow's messages show it. */
    static String pyList(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
