package dev.mlsandbox.registry.signature;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * MLflow's scalar data types ({@code mlflow.types.DataType}), with the name MLflow writes into a
 * signature and the Spark SQL type each corresponds to. The Spark types are looked up only when
 * asked for, so a serving process that never starts Spark can use signatures without Spark's
 * classes. The composite types (arrays, objects, maps, any, Spark ML vectors) are the other
 * {@link FieldType}s.
 */
public enum ColumnType implements FieldType {
    BOOLEAN("boolean"),
    INTEGER("integer"),
    LONG("long"),
    FLOAT("float"),
    DOUBLE("double"),
    STRING("string"),
    BINARY("binary"),
    DATETIME("datetime");

    private final String mlflowName;

    ColumnType(String mlflowName) {
        this.mlflowName = mlflowName;
    }

    /** The name in a signature: {@code integer}, {@code double}, ... */
    @Override
    public String mlflowName() {
        return mlflowName;
    }

    /** numpy's name for the dtype of a pandas column of this type ({@code DataType.to_pandas}). */
    public String numpyDtype() {
        return switch (this) {
            case BOOLEAN -> "bool";
            case INTEGER -> "int32";
            case LONG -> "int64";
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case STRING, BINARY -> "object";
            case DATETIME -> "datetime64[ns]";
        };
    }

    /** MLflow's {@code repr} of a {@code DataType}: its name. */
    @Override
    public String repr() {
        return mlflowName;
    }

    public DataType sparkType() {
        return switch (this) {
            case BOOLEAN -> DataTypes.BooleanType;
            case INTEGER -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case FLOAT -> DataTypes.FloatType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
            case BINARY -> DataTypes.BinaryType;
            case DATETIME -> DataTypes.TimestampType;
        };
    }

    /** Parses an MLflow type name; the error lists the names that exist. */
    public static ColumnType fromMlflowName(String name) {
        for (ColumnType t : values()) {
            if (t.mlflowName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown MLflow column type '" + name + "': expected one of "
                + Arrays.stream(values()).map(ColumnType::mlflowName).collect(Collectors.joining(", ")));
    }

    /**
     * The scalar MLflow type of a Spark column type. Byte and short columns become {@code integer}
     * and dates become {@code datetime}, as MLflow's Spark schema inference does. Vectors, arrays,
     * maps and structs are not scalar: {@link SparkFieldTypes#infer} gives their composite types
     * (MLflow 2.15 and later infer {@code sparkml_vector} for vectors).
     */
    public static ColumnType fromSpark(String column, DataType type) {
        if (type.equals(DataTypes.BooleanType)) {
            return BOOLEAN;
        }
        if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)) {
            return INTEGER;
        }
        if (type.equals(DataTypes.LongType)) {
            return LONG;
        }
        if (type.equals(DataTypes.FloatType)) {
            return FLOAT;
        }
        if (type.equals(DataTypes.DoubleType)) {
            return DOUBLE;
        }
        if (type.equals(DataTypes.StringType)) {
            return STRING;
        }
        if (type.equals(DataTypes.BinaryType)) {
            return BINARY;
        }
        if (type.equals(DataTypes.TimestampType) || type.equals(DataTypes.DateType)
                || type.equals(DataTypes.TimestampNTZType)) {
            return DATETIME;
        }
        throw new IllegalArgumentException("column '" + column + "' has Spark type " + type.simpleString()
                + ", which has no MLflow column type (" + Arrays.stream(values()).map(ColumnType::mlflowName)
                .collect(Collectors.joining(", ")) + "); it is not a scalar column: ModelSignature.infer and"
                + " Schema.fromSpark give vectors, arrays and structs their composite MLflow types");
    }

    @Override
    public String toString() {
        return mlflowName.toLowerCase(Locale.ROOT);
    }
}
