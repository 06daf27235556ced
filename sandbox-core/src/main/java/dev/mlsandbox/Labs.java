package dev.mlsandbox;

import java.util.List;
import java.util.Optional;

import dev.mlsandbox.drift.lab.DriftLab;
import dev.mlsandbox.drift.lab.DriftLabOptions;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.registry.lab.RegistryLab;
import dev.mlsandbox.registry.lab.RegistryLabOptions;
import dev.mlsandbox.pipeline.PipelineLab;
import dev.mlsandbox.pipeline.PipelineLabOptions;
import dev.mlsandbox.tracking.lab.TrackingLab;
import dev.mlsandbox.tracking.lab.TrackingLabOptions;
import dev.mlsandbox.tuning.TuningLab;
import dev.mlsandbox.tuning.TuningOptions;

/**
 * The catalog of labs, in the order the tour runs them (the order of the concept map).
 * A new lab adds one line here and one command class in the CLI.
 */
public final class Labs {

    private static final List<LabDescriptor> ALL = List.of(
            new LabDescriptor(PipelineLab.NAME, PipelineLab.SUMMARY, s -> new PipelineLab(PipelineLabOptions.defaults()
                    .withSeed(s.seed()).withRows(s.rowsOr(PipelineLabOptions.DEFAULT_ROWS)))),
            new LabDescriptor(TuningLab.NAME,
                    "CrossValidator vs TrainValidationSplit: fits counted, time, per-fold metrics, selection stability",
                    settings -> new TuningLab(TuningOptions.from(settings))),
            new LabDescriptor("tracking", "Experiment tracking: team experiments, tagged runs, search/order/paginate with the MLflow client, and its failure modes",
                    s -> new TrackingLab(TrackingLabOptions.defaults().withSeed(s.seed())
                            .withRunsPerTeam(Math.max(3, s.rowsOr(TrackingLabOptions.defaults().runsPerTeam()))))),
            new LabDescriptor("registry", "Model registry, Unity Catalog way: versions, aliases, signature enforcement, GRANTs, champion/challenger promotion and rollback",
                    s -> new RegistryLab(RegistryLabOptions.defaults().withSeed(s.seed())
                            .withRows(Math.max(200, s.rowsOr(RegistryLabOptions.defaults().rows()))))),
            new LabDescriptor("drift", "Drift: covariate/prior/concept drift vs model quality, KS power curve, PSI vs binning, PSI/KS disagreements",
                    s -> new DriftLab(DriftLabOptions.defaults().withSeed(s.seed())
                            .withRowsPerWindow(Math.max(100, s.rowsOr(DriftLabOptions.defaults().rowsPerWindow())))))
    );

    private Labs() {
    }

    public static List<LabDescriptor> all() {
        return ALL;
    }

    public static Optional<LabDescriptor> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(LabDescriptor::name).toList();
    }
}
