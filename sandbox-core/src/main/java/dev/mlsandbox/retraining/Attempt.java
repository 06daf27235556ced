package dev.mlsandbox.retraining;

import java.util.List;

/**
 * One retraining: the trigger fired, a challenger was trained and (gated strategies) judged.
 *
 * @param window           the window at whose end it happened
 * @param reason           the trigger's reason
 * @param model            the challenger's id
 * @param trainedFrom      first window of its training labels
 * @param trainedTo        last window of its training labels
 * @param validationWindow the newest labelled window, held out from training, on which the gate compares
 * @param challengerMetric the challenger's gate metric on the validation window (landed labels)
 * @param championMetric   the champion's gate metric on the same rows
 * @param decision         what happened to the challenger
 * @param gateReason       the gate's sentence (blind strategies: deployed without a check)
 * @param version          the challenger's registered version
 * @param outcome          hindsight: was it truly better or worse than the champion it was up against?
 * @param aucDelta         challenger minus champion, mean true AUC over the next windows
 * @param accuracyDelta    challenger minus champion, mean true accuracy over the next windows
 * @param logLossDelta     challenger minus champion, mean true log loss over the next windows
 * @param hazards          hazard events (anomaly, label shift, corrupted labels) inside its training windows
 */
public record Attempt(int window, String reason, String model, int trainedFrom, int trainedTo, int validationWindow,
                      double challengerMetric, double championMetric, Decision decision, String gateReason, long version,
                      Outcome outcome, double aucDelta, double accuracyDelta, double logLossDelta, List<String> hazards) {

    public Attempt {
        hazards = List.copyOf(hazards);
    }

    /** What became of a challenger. */
    public enum Decision {
        /** No gate: the new model serves from the next window. */
        DEPLOYED,
        /** The gate let it through. */
        PROMOTED,
        /** The gate stopped it; the champion keeps serving. */
        REFUSED;

        public boolean serves() {
            return this != REFUSED;
        }
    }

    /** Hindsight, from the true labels of the windows after the decision. */
    public enum Outcome {
        /** Truly worse than the champion: serving it loses quality. */
        WORSE,
        /** Truly better. */
        BETTER,
        /** Within the tolerance either way. */
        SAME
    }

    /** A served model that was truly worse than the one it replaced. */
    public boolean harmful() {
        return decision.serves() && outcome == Outcome.WORSE;
    }
}
