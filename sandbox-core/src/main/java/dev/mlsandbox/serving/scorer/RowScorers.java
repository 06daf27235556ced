package dev.mlsandbox.serving.scorer;

import org.apache.spark.ml.PipelineModel;

/**
 * Compiles fitted Spark pipelines to {@link CompiledScorer}s. {@link #compile(PipelineModel)} reads an
 * in-memory model (tests, labs); {@link SavedPipelineReader#read} reads the directory Spark saved,
 * without Spark; {@link Scorers} adds the fallback to Spark for models that do not compile.
 */
public final class RowScorers {

    private RowScorers() {
    }

    /** Compiles an in-memory model; the report names the first stage that cannot be compiled, if any. */
    public static CompileResult compile(PipelineModel model) {
        return CompiledScorer.compile(SparkPipelineReader.stages(model), "memory");
    }
}
