package dev.mlsandbox.serving.scorer;

import java.util.List;
import java.util.Optional;

/**
 * How a model's stages compiled, for an endpoint's state: each stage with its status, and when
 * one could not be compiled, which and why (the whole model then runs on Spark).
 *
 * @param source        where the stages came from: {@code "memory"} or the model directory
 * @param stages        every stage in transform order
 * @param compileMillis time to read and compile, in milliseconds
 */
public record CompileReport(String source, List<StageReport> stages, double compileMillis) {

    public CompileReport {
        stages = List.copyOf(stages);
    }

    /** What became of one stage. */
    public enum Status {
        /** Compiled to a row kernel. */
        COMPILED,
        /** Has no row-level implementation; the reason says why. */
        UNSUPPORTED,
        /** After an unsupported stage: not looked at, since the model falls back to Spark anyway. */
        NOT_COMPILED
    }

    /**
     * @param index      position in the pipeline (nested pipelines flattened)
     * @param uid        the stage's uid
     * @param sparkClass the stage's class
     * @param status     what became of it
     * @param reason     why it is unsupported, else empty
     */
    public record StageReport(int index, String uid, String sparkClass, Status status, String reason) {
        public String simpleClass() {
            return Stages.simpleName(sparkClass);
        }
    }

    /** Whether every stage compiled, so the model scores without Spark. */
    public boolean compiled() {
        return stages.stream().allMatch(s -> s.status() == Status.COMPILED);
    }

    /** The stage that made the model fall back to Spark. */
    public Optional<StageReport> unsupported() {
        return stages.stream().filter(s -> s.status() == Status.UNSUPPORTED).findFirst();
    }

    /** One line for an endpoint's state. */
    public String summary() {
        return unsupported().map(s -> "runs on Spark: stage " + s.index() + " " + s.simpleClass() + " (" + s.uid()
                        + ") cannot be compiled: " + s.reason())
                .orElse("compiled: " + stages.size() + " stages score without Spark");
    }
}
