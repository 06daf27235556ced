package dev.mlsandbox.retraining;

import java.util.List;

/**
 * One strategy over the whole stream.
 *
 * @param strategy    the strategy's name ({@code drift+gate})
 * @param kind        its family
 * @param trigger     its trigger in words
 * @param gated       whether it has the validation gate
 * @param served      one row per served window
 * @param attempts    every retraining, in order
 * @param rollbacks   every rollback, in order
 * @param fitSeconds  time of its fits, as if it had run them alone (fits shared with other strategies are counted for each)
 * @param rowsTrained labelled rows its fits or updates read
 */
public record StrategyRun(String strategy, String kind, String trigger, boolean gated, List<ServedWindow> served,
                          List<Attempt> attempts, List<Rollback> rollbacks, double fitSeconds, long rowsTrained) {

    public StrategyRun {
        served = List.copyOf(served);
        attempts = List.copyOf(attempts);
        rollbacks = List.copyOf(rollbacks);
    }

    public double meanAuc() {
        return served.stream().mapToDouble(ServedWindow::auc).average().orElse(Double.NaN);
    }

    public double meanAccuracy() {
        return served.stream().mapToDouble(ServedWindow::accuracy).average().orElse(Double.NaN);
    }

    public double meanLogLoss() {
        return served.stream().mapToDouble(ServedWindow::logLoss).average().orElse(Double.NaN);
    }

    public long promotions() {
        return attempts.stream().filter(a -> a.decision().serves()).count();
    }

    public long refusals() {
        return attempts.stream().filter(a -> a.decision() == Attempt.Decision.REFUSED).count();
    }

    /** Served models that were truly worse than the one they replaced. */
    public long harmful() {
        return attempts.stream().filter(Attempt::harmful).count();
    }

    /** Refused challengers that were truly worse: what the gate saved. */
    public long stopped() {
        return attempts.stream().filter(a -> a.decision() == Attempt.Decision.REFUSED && a.outcome() == Attempt.Outcome.WORSE)
                .count();
    }

    /** Refused challengers that were truly better: what the gate cost. */
    public long missed() {
        return attempts.stream().filter(a -> a.decision() == Attempt.Decision.REFUSED
                && a.outcome() == Attempt.Outcome.BETTER).count();
    }

    /** The served row of a window, or null outside the served range. */
    public ServedWindow at(int window) {
        return served.stream().filter(s -> s.window() == window).findFirst().orElse(null);
    }

    /**
     * Windows from a change until the served AUC is back at {@code level} or above (counting the
     * change's own window as 0); -1 when it never gets back.
     */
    public int recovery(int change, double level) {
        return served.stream().filter(s -> s.window() > change && s.auc() >= level).mapToInt(s -> s.window() - change)
                .findFirst().orElse(-1);
    }
}
