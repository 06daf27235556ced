package dev.mlsandbox.tracking.store;

/**
 * A refused request: the code decides the HTTP status, the message names the input, the rule and
 * the fix. Thrown inside a transaction it rolls the whole request back.
 */
public final class MlflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public MlflowException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
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
