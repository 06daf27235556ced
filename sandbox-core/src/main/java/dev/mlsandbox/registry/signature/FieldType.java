package dev.mlsandbox.registry.signature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The type of a signature column, an object property, an array's items or a map's values:
 * MLflow's {@code DataType} (the scalar {@link ColumnType}s) or one of the composite types of
 * {@code mlflow/types/schema.py}: {@link ArrayType}, {@link ObjectType}, {@link MapType},
 * {@link AnyType} and {@link SparkMLVectorType} (MLflow 2.15 and later write it for Spark ML
 * vector columns such as {@code probability}).
 *
 * <p>{@link #toJson()} is the dict MLflow's {@code to_dict} writes for the type, without the
 * column's {@code name} and {@code required}: {@code {"type": "double"}},
 * {@code {"type": "array", "items": {"type": "double"}}}, {@code {"type": "sparkml_vector"}}.
 */
public sealed interface FieldType permits ColumnType, ArrayType, ObjectType, MapType, AnyType, SparkMLVectorType {

    /** The {@code type} value in JSON: {@code double}, {@code array}, {@code sparkml_vector}, ... */
    String mlflowName();

    /** The type's JSON dict, keys in MLflow's order. */
    default Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", mlflowName());
        return m;
    }

    /** MLflow's {@code repr}: {@code double}, {@code Array(double)}, {@code SparkML vector}, ... */
    String repr();

    /** Whether this is one of MLflow's scalar {@code DataType}s. */
    default boolean isScalar() {
        return this instanceof ColumnType;
    }
}
