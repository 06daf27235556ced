package dev.mlsandbox.retraining;

import org.apache.spark.ml.PipelineModel;

/**
 * A model a strategy can serve: the Spark pipeline that is logged to the registry and the same
 * model as numbers for scoring windows on the driver.
 *
 * @param id           a name unique in the run: {@code batch-w4-w6} (trained on windows 4 to 6) or
 *                     {@code online-w9} (the online learner after window 9's labels)
 * @param learner      {@code batch} or {@code online}
 * @param firstWindow  the first window whose labels it learned from
 * @param lastWindow   the last window whose labels it learned from
 * @param scorer       the model as numbers
 * @param pipeline     the Spark ML pipeline (input columns tenure, charges, device_age, plan)
 */
public record TrainedModel(String id, String learner, int firstWindow, int lastWindow, LogisticScorer scorer,
                           PipelineModel pipeline) {

    /** Whether the model learned from any label of window {@code w}. */
    public boolean sawWindow(int w) {
        return w >= firstWindow && w <= lastWindow;
    }
}
