package dev.mlsandbox.store;

/**
 * A database failure that is not the client's fault (a broken connection, a full disk, SQL
 * that the database refused): the transaction is rolled back and the HTTP layer answers 500
 * INTERNAL_ERROR with this message. A client's mistake is never a StoreFailure: stores check
 * their input first and throw the HTTP layer's {@code MlflowException} (400, 404).
 */
public final class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
