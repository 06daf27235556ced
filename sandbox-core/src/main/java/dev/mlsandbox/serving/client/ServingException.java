package dev.mlsandbox.serving.client;

/** A refusal from the serving API: the HTTP status and the body's {@code error_code} and {@code message}. */
public final class ServingException extends RuntimeException {

    private final int status;
    private final String errorCode;

    public ServingException(int status, String errorCode, String message) {
        super(errorCode.isEmpty() ? message : errorCode + ": " + message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
