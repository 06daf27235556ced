package dev.mlsandbox.registry.model;

import java.nio.file.Path;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.registry.signature.SchemaEnforcement;

/**
 * An MLflow Spark model loaded from disk: its metadata and the fitted pipeline.
 *
 * @param directory where it was loaded from
 * @param mlmodel   the parsed {@code MLmodel} file
 * @param pipeline  the fitted Spark pipeline
 */
public record LoadedModel(Path directory, MlmodelFile mlmodel, PipelineModel pipeline) {

    /**
     * Scores a frame the way pyfunc does: enforce the signature's inputs first (missing column or
     * unsafe type throws {@link dev.mlsandbox.registry.signature.SchemaViolation}, extra columns
     * are dropped, safe widenings cast), then transform.
     */
    public Dataset<Row> score(Dataset<Row> input) {
        Dataset<Row> checked = mlmodel.signature() == null ? input
                : SchemaEnforcement.enforce(mlmodel.signature().inputs(), input);
        return pipeline.transform(checked);
    }
}
