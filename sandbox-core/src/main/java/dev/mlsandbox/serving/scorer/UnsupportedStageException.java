package dev.mlsandbox.serving.scorer;

/**
 * Thrown while compiling when a stage (or one of its params) has no row-level equivalent here;
 * the compiler turns it into the reason the whole model falls back to Spark.
 */
final class UnsupportedStageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedStageException(String reason) {
        super(reason, null, false, false);
    }
}
