package dev.mlsandbox.retraining;

/**
 * A promotion undone: when the labels of the first window a promoted model served land, a gated
 * strategy compares it with the champion it replaced on that window and points {@code @champion}
 * back if it lost by more than the tolerance.
 *
 * @param window      the window at whose end it happened
 * @param fromVersion the version that lost
 * @param toVersion   the version that serves again
 * @param reason      the numbers
 */
public record Rollback(int window, long fromVersion, long toVersion, String reason) {
}
