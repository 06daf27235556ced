package dev.mlsandbox.registry;

/** The registry server refused a request; carries the HTTP status and MLflow's error code. */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String errorCode;

    public RegistryException(int status, String errorCode, String message) {
        super(message, null, false, false);
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
