package dev.mlsandbox.retraining;

/**
 * How the retraining loop trains and judges, whatever the strategy.
 *
 * @param trainingWindows   how many labelled windows a batch retrain reads (the newest labelled one is held out for the gate)
 * @param gate              the validation gate of the gated strategies
 * @param rollbackTolerance how much worse than the previous champion (gate metric, first served window) a promoted model may be before it is rolled back
 * @param onlineStep        the online learner's step size
 * @param onlineIterations  the online learner's gradient steps per window
 * @param maxIter           LogisticRegression's maxIter for batch fits
 */
public record LoopSettings(int trainingWindows, Gate gate, double rollbackTolerance, double onlineStep, int onlineIterations,
                           int maxIter) {
    public LoopSettings {
        if (trainingWindows < 1) {
            throw new IllegalArgumentException("a retrain needs at least 1 training window, got " + trainingWindows);
        }
        if (gate == null) {
            throw new IllegalArgumentException("the loop needs a gate for its gated strategies");
        }
        if (!(rollbackTolerance >= 0)) {
            throw new IllegalArgumentException("the rollback tolerance must be >= 0, got " + rollbackTolerance);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        }
    }
}
