package dev.mlsandbox.registry.signature;

/** A request that does not fit a model's signature; the message is the enforcement message. */
public final class SchemaViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaViolation(String message) {
        super(message, null, false, false);
    }
}
