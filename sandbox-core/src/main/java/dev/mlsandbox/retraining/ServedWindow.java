package dev.mlsandbox.retraining;

/**
 * What a strategy served in one window and how good it truly was (measured on the true labels,
 * which no strategy sees).
 *
 * @param window   the window
 * @param model    the serving model's id
 * @param version  its registered version
 * @param auc      area under the ROC curve on the true labels
 * @param accuracy accuracy at 0.5 on the true labels
 * @param logLoss  log loss on the true labels
 */
public record ServedWindow(int window, String model, long version, double auc, double accuracy, double logLoss) {
}
