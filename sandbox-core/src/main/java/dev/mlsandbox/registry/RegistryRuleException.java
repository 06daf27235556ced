package dev.mlsandbox.registry;

/** Input that breaks a registry rule (HTTP 400 INVALID_PARAMETER_VALUE); the message names the rule and the fix. */
public final class RegistryRuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryRuleException(String message) {
        super(message, null, false, false);
    }
}
