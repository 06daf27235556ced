package dev.mlsandbox.serving.scorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;

/**
 * The scorer for a model: compiled when every stage compiles, else Spark's transform on the whole
 * model (a half-compiled pipeline would have to hand rows between the two, which costs what Spark
 * costs anyway). The {@link CompileReport} says which.
 */
public final class Scorers {

    private Scorers() {
    }

    /**
     * The scorer for a model saved by {@code PipelineModel.write().save(dir)}. Spark is asked for
     * ({@code spark.get()}) only when a stage cannot be compiled; otherwise no SparkSession is
     * created or used.
     */
    public static LoadedScorer load(Path dir, Supplier<SparkSession> spark) throws IOException {
        CompileResult result = SavedPipelineReader.read(dir);
        if (result.compiled() != null) {
            return new LoadedScorer(result.compiled(), result.report());
        }
        return new LoadedScorer(SparkFallbackScorer.load(dir, spark.get()), result.report());
    }

    /** The scorer for an in-memory model. */
    public static LoadedScorer of(PipelineModel model, SparkSession spark) {
        CompileResult result = RowScorers.compile(model);
        if (result.compiled() != null) {
            return new LoadedScorer(result.compiled(), result.report());
        }
        return new LoadedScorer(new SparkFallbackScorer(model, spark), result.report());
    }
}
