package dev.mlsandbox.bundle.deploy;

/** The server refused a call: its HTTP status, MLflow error code and message. */
public final class RemoteException extends RuntimeException {

    private final int status;
    private final String errorCode;

    public RemoteException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode == null ? "" : errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean notFound() {
        return status == 404 || errorCode.equals("RESOURCE_DOES_NOT_EXIST");
    }
}
