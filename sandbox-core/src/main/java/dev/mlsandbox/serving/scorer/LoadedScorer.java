package dev.mlsandbox.serving.scorer;

/**
 * The scorer a model got, and the compile report that says why: compiled when every stage
 * compiled, else Spark's own transform, with the stage that could not be compiled named.
 */
public record LoadedScorer(Scorer scorer, CompileReport report) {

    /** Whether the model scores without Spark. */
    public boolean sparkFree() {
        return scorer instanceof CompiledScorer;
    }
}
