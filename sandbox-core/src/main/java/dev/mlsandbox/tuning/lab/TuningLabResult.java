package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.LayoutComparison;
import dev.mlsandbox.tuning.Stability;
import dev.mlsandbox.tuning.Sweeps;
import dev.mlsandbox.tuning.TrainValidation;
import java.util.Objects;
import java.util.Optional;

import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.lab.MlflowRun;

/**
 * What the tuning lab measured. Immutable; {@link #report()} builds the report from these numbers.
 *
 * @param options           the options the lab ran with
 * @param trainRows         rows both validators tuned on
 * @param testRows          held-out rows that scored the chosen models
 * @param crossValidation   the headline CrossValidator run (the first stability seed)
 * @param trainValidation   the headline TrainValidationSplit run (same seed)
 * @param cvTestScore       the CrossValidator's chosen model on the held-out rows
 * @param tvsTestScore      the TrainValidationSplit's chosen model on the held-out rows
 * @param stability         both validators over {@code options.stabilitySeeds()} seeds
 * @param layouts           the headline CrossValidator against the same one with the whole pipeline inside
 * @param sweeps            the sweeps, or null when {@code options.sweeps()} was false
 * @param provenance        versions, seed, sizes, timings
 * @param mlflowRun         where the run was logged, or null when tracking is off
 */
public record TuningLabResult(TuningLabOptions options, int trainRows, int testRows, CrossValidation crossValidation,
                           TrainValidation trainValidation, double cvTestScore, double tvsTestScore,
                           Stability stability, LayoutComparison layouts, Sweeps sweeps, Provenance provenance,
                           MlflowRun mlflowRun) implements LabResult {

    public TuningLabResult {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(crossValidation, "crossValidation");
        Objects.requireNonNull(trainValidation, "trainValidation");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(layouts, "layouts");
        Objects.requireNonNull(provenance, "provenance");
    }

    public Optional<Sweeps> sweepsIfRun() {
        return Optional.ofNullable(sweeps);
    }

    /** CrossValidator's wall time over TrainValidationSplit's, in the headline runs. */
    public double timeRatio() {
        return crossValidation.seconds() / trainValidation.seconds();
    }

    @Override
    public Report report() {
        return new TuningLabReport(this).build();
    }
}
