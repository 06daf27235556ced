package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.types.StructType;

/**
 * The inputs or the outputs of a signature: MLflow's {@code Schema}, either a list of columns
 * ({@link ColumnSpec}, all named or all unnamed) or a list of tensors ({@link TensorSpec}), never
 * both, with MLflow's rules: no mix of named and unnamed entries, at most one unnamed tensor, no
 * optional unnamed column, and (the sandbox's rule since a frame cannot hold two) unique names.
 *
 * <p>{@link #toJson()} writes what MLflow writes into {@code MLmodel} (Python's {@code json.dumps}
 * of the entries' dicts) and {@link #fromJson(String)} reads every form MLflow 2.x and 3.x write.
 *
 * @param columns the columns of a column-based schema (empty for a tensor-based one)
 * @param tensors the tensors of a tensor-based schema (empty for a column-based one)
 */
public record Schema(List<ColumnSpec> columns, List<TensorSpec> tensors) {

    public Schema {
        columns = List.copyOf(columns);
        tensors = List.copyOf(tensors);
        if (!columns.isEmpty() && !tensors.isEmpty()) {
            throw new IllegalArgumentException("a schema holds columns or tensors, not both (MLflow: Creating Schema with"
                    + " a combination of ColSpec and TensorSpec is not supported)");
        }
        List<String> names = Stream.concat(columns.stream().map(ColumnSpec::name), tensors.stream().map(TensorSpec::name))
                .toList();
        long named = names.stream().filter(n -> n != null).count();
        if (named != 0 && named != names.size()) {
            throw new IllegalArgumentException("Creating Schema with a combination of named and unnamed inputs is not"
                    + " allowed. Got input names " + names.stream().map(n -> n == null ? "None" : PyJson.repr(n))
                    .collect(Collectors.joining(", ", "[", "]")) + "; name every entry or none");
        }
        if (tensors.size() > 1 && named == 0) {
            throw new IllegalArgumentException("Creating Schema with multiple unnamed TensorSpecs is not supported."
                    + " Please provide names for each TensorSpec.");
        }
        if (named == 0 && columns.stream().anyMatch(c -> !c.required())) {
            throw new IllegalArgumentException("Creating Schema with unnamed optional inputs is not supported. Please"
                    + " name all inputs or make all inputs required.");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n != null && !seen.add(n)) {
                throw new IllegalArgumentException("column '" + n + "' appears twice in a schema; names must be unique");
            }
        }
    }

    /** A column-based schema. */
    public Schema(List<ColumnSpec> columns) {
        this(columns, List.of());
    }

    public static Schema of(ColumnSpec... columns) {
        return new Schema(List.of(columns));
    }

    public static Schema ofTensors(TensorSpec... tensors) {
        return new Schema(List.of(), List.of(tensors));
    }

    /**
     * Every column of a Spark schema, required, with its MLflow type: scalars, and since MLflow 2.15
     * vectors as {@code sparkml_vector}, arrays as {@code array}, structs as {@code object}. A map
     * column needs the data to name its keys: use {@link ModelSignature#infer}.
     */
    public static Schema fromSpark(StructType struct) {
        return SparkFieldTypes.schema(struct, null);
    }

    /** Whether this schema lists tensors (MLflow's {@code is_tensor_spec}). */
    public boolean isTensorSpec() {
        return !tensors.isEmpty();
    }

    /** Whether the entries are named (MLflow's {@code has_input_names}); an empty schema is not. */
    public boolean hasInputNames() {
        return isTensorSpec() ? tensors.get(0).named() : !columns.isEmpty() && columns.get(0).named();
    }

    /** How many columns or tensors. */
    public int size() {
        return columns.size() + tensors.size();
    }

    /** The names, or for unnamed entries their positions ({@code "0"}, {@code "1"}, ...), as MLflow's {@code input_names}. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(columns.get(i).named() ? columns.get(i).name() : String.valueOf(i));
        }
        for (int i = 0; i < tensors.size(); i++) {
            out.add(tensors.get(i).named() ? tensors.get(i).name() : String.valueOf(i));
        }
        return out;
    }

    /** The named column, if this schema has it. */
    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> name != null && name.equals(c.name())).findFirst();
    }

    /** Whether every column is of a scalar type (the schemas the sandbox's scorers and SQL types handle). */
    public boolean isScalar() {
        return !isTensorSpec() && columns.stream().allMatch(c -> c.dataType().isScalar());
    }

    /** The Spark schema a frame matching this one has; unnamed columns are named by position, as MLflow does. */
    public StructType toSpark() {
        if (isTensorSpec()) {
            throw new IllegalStateException("TensorSpec cannot be converted to spark dataframe (MLflow's rule): this"
                    + " schema lists tensors " + repr());
        }
        return SparkFieldTypes.struct(this);
    }

    /** MLflow's JSON form: {@code [{"type": "double", "name": "x", "required": true}, ...]}. */
    public String toJson() {
        List<Object> entries = new ArrayList<>();
        columns.forEach(c -> entries.add(c.toJson()));
        tensors.forEach(t -> entries.add(t.toJson()));
        return PyJson.dumps(entries);
    }

    /** MLflow's {@code Schema.__repr__}: {@code ['plan': string (required), ...]}. */
    public String repr() {
        return Stream.concat(columns.stream().map(ColumnSpec::repr), tensors.stream().map(TensorSpec::repr))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Reads MLflow's JSON form: named or unnamed columns, with or without {@code required} (absent
     * means required), every MLflow type, or tensor specs. The error names the entry and the rule.
     */
    public static Schema fromJson(String json) {
        return SignatureJson.schema(json);
    }
}
