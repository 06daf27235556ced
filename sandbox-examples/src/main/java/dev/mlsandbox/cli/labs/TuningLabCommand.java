package dev.mlsandbox.cli.labs;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabSettings;
import dev.mlsandbox.tuning.lab.TuningLab;
import dev.mlsandbox.tuning.lab.TuningLabOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/sandbox lab tuning [--folds K] [--train-ratio R] [--parallelism P] [--stability-seeds N]
 * [--no-sweeps]} plus the common {@code --rows --seed --out --master}.
 */
@Command(mixinStandardHelpOptions = true, footer = {"",
        "The default run fits about 140 models, each a chain of small Spark jobs: about 60 s on two cores.",
        "For a quick look: --no-sweeps --stability-seeds 2 (docs/tuning.md, 'What is slow')."})
public final class TuningLabCommand extends AbstractLabCommand {

    @Option(names = "--folds", paramLabel = "K", defaultValue = "" + TuningLabOptions.DEFAULT_FOLDS,
            description = "CrossValidator's numFolds, at least 2 (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--train-ratio", paramLabel = "R", defaultValue = "" + TuningLabOptions.DEFAULT_TRAIN_RATIO,
            description = "TrainValidationSplit's trainRatio, strictly between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double trainRatio;

    @Option(names = "--parallelism", paramLabel = "P", defaultValue = "" + TuningLabOptions.DEFAULT_PARALLELISM,
            description = "Both validators' parallelism: models fitted at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--stability-seeds", paramLabel = "N", defaultValue = "" + TuningLabOptions.DEFAULT_STABILITY_SEEDS,
            description = "Seeds the selection-stability study repeats both validators with (default: ${DEFAULT-VALUE}).")
    int stabilitySeeds;

    @Option(names = "--no-sweeps", description = "Skip the sweeps (data size, grid size, parallelism, collectSubModels).")
    boolean noSweeps;

    @Override
    protected Lab<?> lab(LabSettings settings) {
        try {
            return new TuningLab(TuningLab.DESCRIPTOR.options(settings).withFolds(folds).withTrainRatio(trainRatio)
                    .withParallelism(parallelism).withStabilitySeeds(stabilitySeeds).withSweeps(!noSweeps));
        } catch (IllegalArgumentException e) {
            // A bad option value is a usage error (exit 2), reported with the option's own rule.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
