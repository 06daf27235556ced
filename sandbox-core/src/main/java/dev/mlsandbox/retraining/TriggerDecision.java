package dev.mlsandbox.retraining;

/**
 * A trigger's answer at the end of one window.
 *
 * @param fire   whether to retrain now
 * @param reason one sentence with the numbers behind the answer
 */
public record TriggerDecision(boolean fire, String reason) {

    public static TriggerDecision fire(String reason) {
        return new TriggerDecision(true, reason);
    }

    public static TriggerDecision hold(String reason) {
        return new TriggerDecision(false, reason);
    }
}
