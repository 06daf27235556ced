package dev.mlsandbox.bundle.deploy;

/**
 * A deploy that failed after it started changing things: the message names the step and the
 * cause, and whether every change was taken back (then the previous deployment's resources are as
 * they were and the state file is unchanged).
 */
public final class DeployFailedException extends IllegalStateException {

    public DeployFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
