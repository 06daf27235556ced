package dev.mlsandbox.retraining.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.drift.DriftEngine;
import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.lab.Progress;
import dev.mlsandbox.retraining.AuditTrail;
import dev.mlsandbox.retraining.ChurnFrames;
import dev.mlsandbox.retraining.DriftRow;
import dev.mlsandbox.retraining.DriftRule;
import dev.mlsandbox.retraining.DriftingStream;
import dev.mlsandbox.retraining.EngineDriftMetrics;
import dev.mlsandbox.retraining.Gate;
import dev.mlsandbox.retraining.LoopSettings;
import dev.mlsandbox.retraining.MetricViolationRule;
import dev.mlsandbox.retraining.OnlineLearner;
import dev.mlsandbox.retraining.RetrainingLoop;
import dev.mlsandbox.retraining.Strategy;
import dev.mlsandbox.retraining.StrategyRun;
import dev.mlsandbox.retraining.StreamEvent;
import dev.mlsandbox.retraining.StreamWindow;
import dev.mlsandbox.retraining.TrainedModel;
import dev.mlsandbox.retraining.Trigger;

/**
 * The retraining lab: one seeded drifting stream, every strategy family with and without the
 * validation gate, run side by side window by window (real Spark ML fits, spark.mllib online
 * updates, a real registry whose version history is the audit trail), measured on the true labels.
 */
public final class RetrainingLab implements Lab<RetrainingLabResult> {

    public static final String NAME = "retraining";
    /** The catalog entry: {@code bin/sandbox lab retraining}, the tour, {@code sandbox.retrainingLab()}. */
    public static final LabDescriptor<RetrainingLabOptions, RetrainingLabResult> DESCRIPTOR = LabDescriptor.of(NAME,
                    "Retraining: none vs scheduled vs drift- vs performance-triggered vs online on a drifting stream, each "
                            + "with and without a validation gate; cost, quality, reaction delay, harmful retrains",
                    RetrainingLabOptions::defaults, RetrainingLabOptions::fromParameters, RetrainingLab::new)
            .withCost("The default run: 36 windows of 1,000 rows, nine strategies, about 24 Spark ML fits, 31 online "
                    + "updates and 54 models logged to an embedded registry: 66 s of CPU (3 min wall on two cores under "
                    + "heavy load).")
            .withRowsParameter("rowsPerWindow");
    /** The schema the strategies' registered models live in. */
    public static final String SCHEMA = "main.retraining";

    private final RetrainingLabOptions options;

    public RetrainingLab(RetrainingLabOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public RetrainingLab() {
        this(RetrainingLabOptions.defaults());
    }

    public RetrainingLabOptions options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Logs the run when tracking is on (see LabContext#logged): besides the takeaways, each
     * strategy's mean AUC and fits, and the AUC it served per window at step = window.
     */
    @Override
    public RetrainingLabResult run(LabContext context) {
        return context.logged(NAME, options, run -> {
            RetrainingLabResult result = execute(context, run.mlflowRun().orElse(null));
            Map<String, Double> totals = new LinkedHashMap<>();
            for (StrategyRun r : result.runs()) {
                String key = r.strategy().replace('+', '_');
                totals.put(key + "/meanAuc", r.meanAuc());
                totals.put(key + "/fits", (double) r.attempts().size());
            }
            run.metrics(totals, 0);
            int served = result.runs().isEmpty() ? 0 : result.runs().get(0).served().size();
            for (int k = 0; k < served; k++) {
                Map<String, Double> perWindow = new LinkedHashMap<>();
                int window = result.runs().get(0).served().get(k).window();
                for (StrategyRun r : result.runs()) {
                    perWindow.put(r.strategy().replace('+', '_') + "/auc", r.served().get(k).auc());
                }
                run.metrics(perWindow, window);
            }
            return result;
        });
    }

    private RetrainingLabResult execute(LabContext context, MlflowRun mlflowRun) {
        LabContext.Clock clock = context.startClock();
        Progress progress = context.progress();
        SparkSession spark = context.spark();
        int history = options.trainingWindows();
        DriftingStream stream = DriftingStream.standard(options.windows(), options.rowsPerWindow(), options.labelDelay(),
                history, options.seed());
        LoopSettings settings = new LoopSettings(history, new Gate(options.gateMetric(), options.minImprovement()),
                options.rollbackTolerance(), options.onlineStep(), options.onlineIterations(), 100);

        progress.begin("retraining: registry, stream and first model", 3);
        StreamWindow first = stream.window(0);
        try (RegistryAuditTrail audit = new RegistryAuditTrail(SCHEMA, ChurnFrames.inputs(spark, first, 5))) {
            progress.advance("registry server started");
            RetrainingLoop loop = new RetrainingLoop(spark, stream, settings, audit);
            double threshold = loop.baseline().auc() - options.performanceDrop();
            progress.advance("stream generated, first model fitted");
            List<StreamWindow> windows = loop.windows();
            double agreement = sparkAgreement(spark, loop.initialModel(), windows.get(history));
            List<RetrainingLabResult.WindowRow> overview = overview(windows, history);
            progress.advance("Spark agreement and input drift per window");
            progress.end();

            progress.begin("retraining: " + strategies(threshold).size() + " strategies over " + loop.servedWindows()
                    + " windows", loop.servedWindows());
            List<Strategy> strategies = strategies(threshold);
            List<StrategyRun> runs = loop.run(strategies, progress);
            progress.end();

            progress.begin("retraining: audit trail", 1);
            Map<String, List<AuditTrail.VersionRecord>> trail = new LinkedHashMap<>();
            for (Strategy s : strategies) {
                trail.put(s.name(), audit.history(s));
            }
            progress.advance("version histories read back");
            progress.end();

            List<RetrainingLabResult.EventRow> events = new ArrayList<>();
            for (StreamEvent e : stream.events()) {
                events.add(new RetrainingLabResult.EventRow(e.kind(), e.from(), Math.min(e.to(), stream.windows() - 1),
                        e.hazard(), e.description()));
            }
            long rows = (long) options.windows() * options.rowsPerWindow();
            return new RetrainingLabResult(options, events, overview, loop.baseline(), threshold, runs, trail, audit.uri(),
                    audit.artifacts(), loop.batchFits(), loop.onlineUpdates(), agreement,
                    clock.provenance(options, rows), mlflowRun);
        }
    }

    /** Each family without the gate, then with it ("none" has nothing to gate). */
    List<Strategy> strategies(double performanceThreshold) {
        List<Strategy> out = new ArrayList<>();
        for (Strategy.Kind kind : options.kinds()) {
            Trigger trigger = switch (kind) {
                case NONE -> new Trigger.Never();
                case SCHEDULED -> new Trigger.Scheduled(options.scheduleEvery(), options.trainingWindows());
                case DRIFT -> new Trigger.OnDrift(DriftRule.anyColumn(DriftRule.Metric.PSI, options.driftPsi()));
                case PERFORMANCE -> new Trigger.OnPerformance(MetricViolationRule.below(performanceThreshold));
                case ONLINE -> new Trigger.EveryWindow();
            };
            out.add(new Strategy(kind, trigger, false));
            if (kind != Strategy.Kind.NONE) {
                out.add(new Strategy(kind, trigger, true));
            }
        }
        return out;
    }

    /**
     * Per window: churn rate, and the inputs' largest PSI against the first model's training
     * windows (drift_type BASELINE) and against the window before (CONSECUTIVE).
     */
    private List<RetrainingLabResult.WindowRow> overview(List<StreamWindow> windows, int history) {
        DriftEngine engine = DriftEngine.builder().threads(1).build();
        EngineDriftMetrics baseline = new EngineDriftMetrics(engine, windows::get, windows.subList(0, history), false);
        EngineDriftMetrics consecutive = new EngineDriftMetrics(engine, windows::get, windows.subList(0, 1), false);
        DriftRule rule = DriftRule.anyColumn(DriftRule.Metric.PSI, options.driftPsi());
        List<RetrainingLabResult.WindowRow> out = new ArrayList<>();
        for (StreamWindow w : windows) {
            List<DriftRow> rows = baseline.rows(w.index());
            double previous = Double.NaN;
            if (w.index() > 0) {
                consecutive.rebase(windows.subList(w.index() - 1, w.index()));
                previous = maxPsi(consecutive.rows(w.index()));
            }
            out.add(new RetrainingLabResult.WindowRow(w.index(), w.churnRate(), maxPsi(rows), previous,
                    rule.driftedColumns(rows), w.events()));
        }
        return out;
    }

    private static double maxPsi(List<DriftRow> rows) {
        return rows.stream().mapToDouble(DriftRow::psi).max().orElse(Double.NaN);
    }

    /**
     * The largest |P(churn)| gap between Spark's transform and the driver-side scorer, for the
     * first model's pipeline and for the same weights packaged the way online models are.
     */
    private static double sparkAgreement(SparkSession spark, TrainedModel model, StreamWindow window) {
        Dataset<Row> inputs = ChurnFrames.inputs(spark, window, window.size());
        double[] ours = model.scorer().score(window.observed());
        double worst = 0;
        List<Row> batch = model.pipeline().transform(inputs).select("probability").collectAsList();
        List<Row> online = OnlineLearner.pipeline(spark, model.scorer()).transform(inputs).select("probability_churn")
                .collectAsList();
        for (int k = 0; k < ours.length; k++) {
            worst = Math.max(worst, Math.abs(((Vector) batch.get(k).get(0)).apply(1) - ours[k]));
            worst = Math.max(worst, Math.abs(online.get(k).getDouble(0) - ours[k]));
        }
        return worst;
    }
}
