package dev.mlsandbox.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * StandardScaler fitted on every row before a time-ordered split (leaky) vs inside the pipeline
 * on the training rows only, with the same LogisticRegression after it.
 *
 * @param trainRows        early customers, used for fitting
 * @param testRows         later customers, whose charges rose by {@code priceShift}
 * @param priceShift       the rise of {@code monthly_charges} for the later customers
 * @param regParam         the LogisticRegression's L2 penalty
 * @param insideChargesMean scaler's mean of monthly_charges, fitted on training rows only
 * @param leakyChargesMean  the same, fitted on all rows (the test rows leaked in)
 * @param insideChargesStd  scaler's std of monthly_charges, training rows only
 * @param leakyChargesStd   the same, all rows
 * @param insideAuc         test areaUnderROC, scaler inside the pipeline
 * @param leakyAuc          test areaUnderROC, scaler fitted before the split
 * @param insideLogLoss     test log loss, scaler inside the pipeline
 * @param leakyLogLoss      test log loss, scaler fitted before the split
 * @param changedPredictions test rows whose predicted class differs between the two
 */
public record LeakageOutcome(long trainRows, long testRows, double priceShift, double regParam,
                             double insideChargesMean, double leakyChargesMean, double insideChargesStd,
                             double leakyChargesStd, double insideAuc, double leakyAuc, double insideLogLoss,
                             double leakyLogLoss, long changedPredictions) {
    @JsonProperty("aucDifference")
    public double aucDifference() {
        return leakyAuc - insideAuc;
    }

    @JsonProperty("logLossDifference")
    public double logLossDifference() {
        return leakyLogLoss - insideLogLoss;
    }

    /** Relative change of the charges std when the test rows leak in. */
    @JsonProperty("stdShift")
    public double stdShift() {
        return insideChargesStd == 0 ? 0 : leakyChargesStd / insideChargesStd - 1.0;
    }
}
