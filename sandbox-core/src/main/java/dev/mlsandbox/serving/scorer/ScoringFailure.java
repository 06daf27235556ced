package dev.mlsandbox.serving.scorer;

/**
 * The model failed on a row where Spark's {@code PipelineModel.transform} would fail too: an
 * unseen label with {@code handleInvalid = "error"}, a NaN in VectorAssembler, a value outside a
 * Bucketizer's splits, a missing input column. The message is Spark's own where Spark has one.
 * The scoring protocol answers it with 400 BAD_REQUEST, as MLflow does when the model raises.
 */
public final class ScoringFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScoringFailure(String message) {
        super(message, null, false, false);
    }

    public ScoringFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
