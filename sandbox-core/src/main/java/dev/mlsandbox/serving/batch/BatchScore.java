package dev.mlsandbox.serving.batch;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One batch: the URI asked for, the version it named at that moment, and the scored table.
 *
 * @param modelUri    the URI as given, e.g. {@code models:/main.ml.churn@champion}
 * @param name        the registered model
 * @param version     the version the URI resolved to
 * @param predictions the input table with the model's columns added (lazy)
 */
public record BatchScore(String modelUri, String name, long version, Dataset<Row> predictions) {
}
