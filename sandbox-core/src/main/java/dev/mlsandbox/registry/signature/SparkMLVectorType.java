package dev.mlsandbox.registry.signature;

/**
 * MLflow's {@code SparkMLVector} ({@code {"type": "sparkml_vector"}}): a Spark ML vector column,
 * such as a classifier's {@code probability} or an assembled {@code features}. MLflow 2.15 added
 * it, so a signature inferred from a Spark prediction frame may now keep its vector columns; in
 * MLflow it is an {@code Array} of doubles, so a request sends a vector as a list of numbers.
 */
public record SparkMLVectorType() implements FieldType {
    @Override
    public String mlflowName() {
        return "sparkml_vector";
    }

    @Override
    public String repr() {
        return "SparkML vector";
    }
}
