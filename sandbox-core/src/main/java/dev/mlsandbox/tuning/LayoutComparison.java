package dev.mlsandbox.tuning;

import java.util.Objects;

/**
 * The same CrossValidator (seed, folds, param maps, parallelism, rows) in both
 * {@link TuningSetup.Layout}s, on the grid's first two param maps: refitting the encoders costs the
 * same in every fit, so two maps show it as well as the whole grid would, and can still disagree.
 *
 * @param pipelineInValidator the whole pipeline as the validator's estimator: encoders refitted per fold
 * @param validatorInPipeline the classifier alone, on features the encoders produced once
 * @param encodeSeconds       what the second layout pays once, outside the validator: fitting the
 *                            encoding stages on the tuning rows and caching their output
 */
public record LayoutComparison(CrossValidation pipelineInValidator, CrossValidation validatorInPipeline,
                               double encodeSeconds) {

    public LayoutComparison {
        Objects.requireNonNull(pipelineInValidator, "pipelineInValidator");
        Objects.requireNonNull(validatorInPipeline, "validatorInPipeline");
    }

    /** The pipeline-in-validator run's time over the other's, the one-off encoding included. */
    public double speedup() {
        return pipelineInValidator.seconds() / (validatorInPipeline.seconds() + encodeSeconds);
    }

    /** Param maps both layouts tuned: the grid's first ones (see TuningLab#layoutMaps). */
    public int gridSize() {
        return validatorInPipeline.paramMaps().size();
    }

    /** Whether both layouts chose the same param map. */
    public boolean sameChoice() {
        return pipelineInValidator.best().equals(validatorInPipeline.best());
    }
}
