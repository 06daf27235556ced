package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.LayoutComparison;
import dev.mlsandbox.tuning.ParamKey;
import dev.mlsandbox.tuning.Stability;
import dev.mlsandbox.tuning.Sweeps;
import dev.mlsandbox.tuning.TrainValidation;
import static dev.mlsandbox.report.Format.number;
import static dev.mlsandbox.report.Format.seconds;
import static dev.mlsandbox.report.Format.times;

import java.util.ArrayList;
import java.util.List;

import dev.mlsandbox.report.BarChart;
import dev.mlsandbox.report.LineChart;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;
import dev.mlsandbox.lab.MlflowRun;

/** Builds the tuning lab's report from a {@link TuningLabResult}: takeaways, sections, charts, data. */
final class TuningLabReport {

    private static final String CV = Sweeps.CROSS_VALIDATOR;
    private static final String TVS = Sweeps.TRAIN_VALIDATION_SPLIT;

    private final TuningLabResult r;
    private final CrossValidation cv;
    private final TrainValidation tvs;
    private final TuningLabOptions o;

    TuningLabReport(TuningLabResult result) {
        this.r = result;
        this.cv = result.crossValidation();
        this.tvs = result.trainValidation();
        this.o = result.options();
    }

    Report build() {
        Report.Builder b = Report.builder(TuningLab.NAME, "Tuning: CrossValidator vs TrainValidationSplit, cost and variance")
                .summary("The churn pipeline (StringIndexer, OneHotEncoder, VectorAssembler, LogisticRegression) was tuned, "
                        + "with the validators inside the pipeline (the encoders fitted once on the tuning rows), "
                        + "over the grid " + o.grid().describe() + " (" + o.grid().size() + " param maps) by CrossValidator ("
                        + o.folds() + " folds) and TrainValidationSplit (trainRatio " + number(o.trainRatio()) + ") on the same "
                        + r.trainRows() + " rows, with the same area-under-ROC evaluator, seed and parallelism ("
                        + o.parallelism() + "). Every fit was counted as it happened, every metric recorded with its "
                        + "fold and param map; " + r.testRows() + " held-out rows scored the chosen models.")
                .provenance(r.provenance());
        TuningTakeaways.add(b, r);
        b.section(costSection()).section(metricsSection()).section(stabilitySection()).section(layoutSection());
        r.sweepsIfRun().ifPresent(s -> b.section(sweepsSection(s)));
        TuningJson.addData(b, r);
        MlflowRun.addTo(b, r.mlflowRun());
        return b.build();
    }

    private Section costSection() {
        return Section.builder("Cost: fits counted and wall time")
                .text("A counting wrapper around the tuned estimator (here the LogisticRegression; the whole pipeline in the layout comparison below) saw every real `fit` call, including the ones Spark makes on "
                        + "copies (`fit(data, paramMap)` is `copy(paramMap).fit(data)`). CrossValidator fits each param map "
                        + "once per fold, then refits the best map on all rows: k x |grid| + 1. TrainValidationSplit fits "
                        + "each map once on the training share, then refits: |grid| + 1.")
                .add(Table.builder("Fits and time", "strategy", "fits counted", "formula", "refits", "wall time")
                        .row(CV, cv.fits(), o.folds() + " x " + cv.paramMaps().size() + " + 1 = " + cv.expectedFits(),
                                cv.refits(), seconds(cv.seconds()))
                        .row(TVS, tvs.fits(), tvs.paramMaps().size() + " + 1 = " + tvs.expectedFits(), tvs.refits(),
                                seconds(tvs.seconds()))
                        .build())
                .add(new BarChart("Wall time per strategy", "strategy", "seconds", List.of(CV, TVS),
                        List.of(new BarChart.Series("wall time (s)", List.of(cv.seconds(), tvs.seconds())))))
                .add(new BarChart("Fits per strategy", "strategy", "fits", List.of(CV, TVS), List.of(
                        new BarChart.Series("counted", List.of((double) cv.fits(), (double) tvs.fits())),
                        new BarChart.Series("formula", List.of((double) cv.expectedFits(), (double) tvs.expectedFits())))))
                .build();
    }

    private Section layoutSection() {
        LayoutComparison l = r.layouts();
        CrossValidation whole = l.pipelineInValidator();
        CrossValidation inside = l.validatorInPipeline();
        return Section.builder("Pipeline in the validator, or the validator in the pipeline")
                .text("Where the validator sits decides what it refits. With the whole pipeline as its estimator, every "
                        + "fold refits StringIndexer and OneHotEncoder on its training rows, so nothing a stage learns can "
                        + "come from the validation rows. With the validator as the pipeline's last stage (as this lab runs "
                        + "it), the encoders are fitted once on all tuning rows and only the LogisticRegression is tuned. "
                        + "That is cheaper, and safe only when the earlier stages learn nothing a validation fold should "
                        + "hide: here they learn the category lists. A StandardScaler or an Imputer before the validator "
                        + "would pass the validation rows' means into every fold. Same seed, folds and parallelism, on the "
                        + "grid's first " + l.gridSize() + " param map" + (l.gridSize() == 1 ? "" : "s")
                        + " (refitting the encoders costs the same in every fit, so more maps would only repeat it):")
                .add(Table.builder("CrossValidator in both layouts", "layout", "fits counted", "refits in each fit",
                                "one-off encoding", "wall time", "chose")
                        .row("pipeline in the validator", whole.fits(), "StringIndexer, OneHotEncoder, LogisticRegression",
                                "-", seconds(whole.seconds()), whole.best().label())
                        .row("validator in the pipeline", inside.fits(), "LogisticRegression", seconds(l.encodeSeconds()),
                                seconds(inside.seconds()), inside.best().label())
                        .build())
                .add(new BarChart("CrossValidator wall time by layout", "layout", "seconds",
                        List.of("pipeline in validator", "validator in pipeline"), List.of(
                        new BarChart.Series("validator (s)", List.of(whole.seconds(), inside.seconds())),
                        new BarChart.Series("one-off encoding (s)", List.of(0.0, l.encodeSeconds())))))
                .build();
    }

    private Section metricsSection() {
        List<String> columns = new ArrayList<>(List.of("param map"));
        for (int f = 1; f <= o.folds(); f++) {
            columns.add("fold " + f);
        }
        columns.addAll(List.of("mean", "std", "Spark avgMetrics", "chosen"));
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> stds = new ArrayList<>();
        List<Double> tvsMetrics = new ArrayList<>();
        Table.Builder tvsTable = Table.builder("TrainValidationSplit: validation metric per param map",
                "param map", "metric", "chosen");
        for (CrossValidation.FoldScores s : cv.paramMaps()) {
            List<String> row = new ArrayList<>(List.of(s.params().label()));
            s.foldMetrics().forEach(m -> row.add(number(m, 5)));
            row.addAll(List.of(number(s.mean(), 5), number(s.std(), 3), number(s.avgMetric(), 5),
                    s.params().equals(cv.best()) ? "yes" : ""));
            rows.add(row);
            labels.add(s.params().label());
            means.add(s.mean());
            stds.add(s.std());
            // Paired by content: the TVS run may hold the same maps in another order.
            TrainValidation.SplitScore t = tvs.scoreOf(s.params());
            tvsMetrics.add(t.metric());
            tvsTable.row(t.params().label(), number(t.metric(), 5), t.params().equals(tvs.best()) ? "yes" : "");
        }
        return Section.builder("Metric per param map (area under ROC)")
                .text("Each CrossValidator cell is the metric Spark computed on that fold's validation rows while choosing; "
                        + "nothing was refitted to get it. The mean is Spark's own arithmetic (sum over folds / k) and matches "
                        + "`avgMetrics`; the Java/Scala CrossValidatorModel has no `stdMetrics` (PySpark's has, since Spark 3.3), so the "
                        + "sample standard deviation is computed here. Rows are paired with their ParamMap by content: in "
                        + "Java/Scala `ParamGridBuilder.build()` does not promise an order.")
                .add(new Table("CrossValidator: per-fold metrics", columns, rows))
                .add(tvsTable.build())
                .add(new BarChart("Metric per param map (CrossValidator: mean +- std over folds)", "param map",
                        "area under ROC", labels, List.of(
                        new BarChart.Series(CV + " mean", means, stds),
                        new BarChart.Series(TVS, tvsMetrics))))
                .build();
    }

    private Section stabilitySection() {
        Stability s = r.stability();
        Stability.Summary c = s.crossValidator();
        Stability.Summary t = s.trainValidationSplit();
        Table.Builder table = Table.builder("Choice and held-out score per seed", "seed", CV + " chose", CV + " test AUC",
                TVS + " chose", TVS + " test AUC");
        List<Double> seeds = new ArrayList<>();
        List<Double> cvScores = new ArrayList<>();
        List<Double> tvsScores = new ArrayList<>();
        for (Stability.SeedRun run : s.runs()) {
            table.row(run.seed(), run.cvBest().label(), number(run.cvTestScore(), 5), run.tvsBest().label(),
                    number(run.tvsTestScore(), 5));
            seeds.add((double) run.seed());
            cvScores.add(run.cvTestScore());
            tvsScores.add(run.tvsTestScore());
        }
        return Section.builder("Selection stability over " + c.seeds() + " seeds")
                .text("The seed only changes how the same training rows are split into folds (CrossValidator) or into "
                        + "train and validation (TrainValidationSplit). A stable validator picks the same param map whatever "
                        + "the split; the held-out score shows what an unstable pick costs.")
                .add(table.build())
                .add(Table.builder("Summary", "strategy", "modal choice", "share of seeds", "distinct choices",
                                "test AUC min", "test AUC max", "test AUC std")
                        .row(CV, c.modal().label(), c.modalCount() + "/" + c.seeds(), c.distinctChoices(),
                                number(c.minTestScore(), 5), number(c.maxTestScore(), 5), number(c.testScoreStd(), 3))
                        .row(TVS, t.modal().label(), t.modalCount() + "/" + t.seeds(), t.distinctChoices(),
                                number(t.minTestScore(), 5), number(t.maxTestScore(), 5), number(t.testScoreStd(), 3))
                        .build())
                .add(estimateNoise(s))
                .add(new BarChart("Share of seeds choosing the modal param map", "strategy", "share of seeds",
                        List.of(CV, TVS), List.of(new BarChart.Series("share", List.of(c.fraction(), t.fraction())))))
                .add(new LineChart("Held-out AUC of the chosen model per seed", "seed", "test AUC", List.of(
                        new LineChart.XYSeries(CV, seeds, cvScores), new LineChart.XYSeries(TVS, seeds, tvsScores))))
                .build();
    }

    private static Table estimateNoise(Stability s) {
        Table.Builder table = Table.builder("How much each map's estimated AUC moved with the seed (std over seeds)",
                "param map", CV + " (mean over folds)", TVS + " (one validation split)");
        java.util.Map<ParamKey, Double> cvStd = s.perMapEstimateStd(true);
        java.util.Map<ParamKey, Double> tvsStd = s.perMapEstimateStd(false);
        cvStd.forEach((key, std) -> table.row(key.label(), number(std, 3), number(tvsStd.get(key), 3)));
        table.row("average", number(s.estimateStd(true), 3), number(s.estimateStd(false), 3));
        return table.build();
    }

    private Section sweepsSection(Sweeps s) {
        Table.Builder table = Table.builder("Every sweep point", "sweep", "strategy", "training rows", "grid size",
                "parallelism", "fits counted", "formula", "wall time");
        addPoints(table, "data size", s.dataSize());
        addPoints(table, "grid size", s.gridSize());
        addPoints(table, "parallelism", s.parallelism());
        Sweeps.SubModels sub = s.collectSubModels();
        return Section.builder("Sweeps: how cost scales")
                .text("Each point is a real validator fit with the headline seed. Data size changes the time of each fit, "
                        + "never the number of fits (that sweep uses the grid's first map only, to stay cheap); the grid "
                        + "size multiplies both. `parallelism` fits several param maps "
                        + "at once (folds still run one after another). `collectSubModels` keeps every fold's model on the "
                        + "driver; the extra memory is Spark's SizeEstimator of the fitted CrossValidatorModel with sub-models minus "
                        + "without (each estimate walks everything the model references, including the shared Spark session "
                        + "through LogisticRegression's training summary, so only the difference is the sub-models' cost).")
                .add(table.build())
                .add(new LineChart("Wall time vs training rows (one param map)", "training rows", "seconds", List.of(
                        xy(CV, s.dataSize(CV), true), xy(TVS, s.dataSize(TVS), true))))
                .add(new LineChart("Fits vs grid size", "param maps", "fits", List.of(
                        xyFits(CV, s.gridSize(CV)), xyFits(TVS, s.gridSize(TVS)))))
                .add(new LineChart("Wall time vs grid size", "param maps", "seconds", List.of(
                        xy(CV, s.gridSize(CV), false), xy(TVS, s.gridSize(TVS), false))))
                .add(new BarChart("CrossValidator wall time by parallelism", "parallelism", "seconds",
                        s.parallelism().stream().map(p -> "parallelism " + p.parallelism()).toList(),
                        List.of(new BarChart.Series("wall time (s)", s.parallelism().stream().map(Sweeps.Point::seconds).toList()))))
                .add(Table.builder("collectSubModels (CrossValidator, " + sub.gridSize() + " param maps)", "collectSubModels", "sub-models kept",
                                "extra retained (KB)", "wall time")
                        .row("false", 0, "0", seconds(sub.secondsWithout()))
                        .row("true", sub.subModels(), sub.measurable() ? number(sub.extraBytes() / 1024.0)
                                : "not measurable (see the takeaways)", seconds(sub.secondsWith()))
                        .build())
                .add(new BarChart("collectSubModels: extra memory the driver retains", "collectSubModels",
                        "KB", List.of("false", "true"), List.of(
                        new BarChart.Series("extra retained (KB)", List.of(0.0, sub.measurable() ? sub.extraBytes() / 1024.0 : 0.0)))))
                .build();
    }

    private static void addPoints(Table.Builder table, String sweep, List<Sweeps.Point> points) {
        for (Sweeps.Point p : points) {
            table.row(sweep, p.strategy(), p.rows(), p.gridSize(), p.parallelism(), p.fits(), p.expectedFits(),
                    seconds(p.seconds()));
        }
    }

    private static LineChart.XYSeries xy(String name, List<Sweeps.Point> points, boolean byRows) {
        List<Sweeps.Point> sorted = points.stream()
                .sorted(java.util.Comparator.comparingInt(p -> byRows ? p.rows() : p.gridSize())).toList();
        return new LineChart.XYSeries(name, sorted.stream().map(p -> (double) (byRows ? p.rows() : p.gridSize())).toList(),
                sorted.stream().map(Sweeps.Point::seconds).toList());
    }

    private static LineChart.XYSeries xyFits(String name, List<Sweeps.Point> points) {
        List<Sweeps.Point> sorted = points.stream().sorted(java.util.Comparator.comparingInt(Sweeps.Point::gridSize)).toList();
        return new LineChart.XYSeries(name, sorted.stream().map(p -> (double) p.gridSize()).toList(),
                sorted.stream().map(p -> (double) p.fits()).toList());
    }

    static String ratio(double a, double b) {
        return times(a / b);
    }
}
