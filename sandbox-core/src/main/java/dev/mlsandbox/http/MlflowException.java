package dev.mlsandbox.http;

/**
 * A refused request, sent as MLflow's (and Databricks') error body {@code {"error_code",
 * "message"}}: the code decides the HTTP status, the message names the input, the rule and the
 * fix. Thrown inside a transaction it rolls the whole request back.
 */
public final class MlflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final int status;

    public MlflowException(ErrorCode code, String message) {
        this(code, code.httpStatus(), message);
    }

    /**
     * An error whose HTTP status is not its code's usual one: e.g. 415 for a body type an
     * endpoint does not take, with code BAD_REQUEST, as MLflow's scoring server answers.
     */
    public MlflowException(ErrorCode code, int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx, got " + status);
        }
        this.code = code;
        this.status = status;
    }

    public ErrorCode code() {
        return code;
    }

    /** The HTTP status the error is sent with. */
    public int status() {
        return status;
    }

    public static MlflowException invalid(String message) {
        return new MlflowException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    public static MlflowException notFound(String message) {
        return new MlflowException(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
    }

    public static MlflowException exists(String message) {
        return new MlflowException(ErrorCode.RESOURCE_ALREADY_EXISTS, message);
    }
}
