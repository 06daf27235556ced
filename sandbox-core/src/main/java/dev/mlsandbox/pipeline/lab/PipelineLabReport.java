package dev.mlsandbox.pipeline.lab;

import dev.mlsandbox.pipeline.ChurnPipelines;
import dev.mlsandbox.pipeline.AssemblerOutcome;
import dev.mlsandbox.pipeline.CoefficientCheck;
import dev.mlsandbox.pipeline.HandleInvalidProbe;
import dev.mlsandbox.pipeline.LeakageOutcome;
import dev.mlsandbox.pipeline.NamedValue;
import dev.mlsandbox.pipeline.PersistenceOutcome;
import dev.mlsandbox.pipeline.PipelineTrace;
import dev.mlsandbox.pipeline.StageTrace;
import dev.mlsandbox.pipeline.TransformCheck;
import dev.mlsandbox.pipeline.UnseenCategoryOutcome;
import static dev.mlsandbox.report.Format.number;
import static dev.mlsandbox.report.Format.percent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.report.BarChart;
import dev.mlsandbox.report.Format;
import dev.mlsandbox.report.KeyValues;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.Section;
import dev.mlsandbox.report.Table;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.lab.MlflowRun;

/** Builds the Pipeline lab's report from its result: no Spark, only the measured numbers. */
final class PipelineLabReport {

    /** Below this AUC difference the leak is reported as too small to matter on this data. */
    static final double NEGLIGIBLE_AUC = 0.005;

    private PipelineLabReport() {
    }

    static Report build(PipelineLabResult r) {
        PipelineTrace sg = r.studyGuide();
        UnseenCategoryOutcome error = r.unseen("error");
        UnseenCategoryOutcome skip = r.unseen("skip");
        UnseenCategoryOutcome keep = r.unseen("keep");
        LeakageOutcome leak = r.leakage();
        PersistenceOutcome saved = r.persistence();
        TransformCheck tc = r.transformCheck();

        Report.Builder report = Report.builder(PipelineLab.NAME, "Pipeline lab: Estimator, Transformer, PipelineModel")
                .summary("Fitted the study guide's pipeline (" + sg.description() + ") and a feature-engineering variant ("
                        + r.featureEngineering().description() + ") on " + r.options().rows()
                        + " rows of the synthetic churn table, read every stage before and after fit, then ran the failure"
                        + " modes: transform on a Pipeline, handleInvalid for an unseen category and for null/NaN features,"
                        + " a scaler fitted before the split, and save/load of the PipelineModel.")
                .provenance(r.provenance());

        report.takeaway("fit turned the " + sg.estimatorCount() + " Estimators of the study-guide pipeline into Models ("
                + transitions(sg) + ") and returned a " + sg.modelClass() + " whose " + sg.stages().size()
                + " stages are all Transformers (" + sg.allStagesTransformers() + "); VectorAssembler, already a"
                + " Transformer, went into the model as the same object.", "studyGuide.estimatorCount", sg.estimatorCount());
        report.takeaway("A Pipeline is not a Transformer: it extends " + String.join(" -> ", tc.pipelineAncestry())
                + " and has " + (tc.pipelineHasTransformMethod() ? "a" : "no") + " transform method, so Java refuses"
                + " pipeline.transform(df) at compile time and PySpark raises " + tc.pysparkError()
                + ". Call fit, then transform on the PipelineModel.", "transformCheck.pipelineIsTransformer",
                tc.pipelineIsTransformer() ? 1 : 0);
        report.takeaway("An unseen plan at transform time: handleInvalid=error failed the action (" + error.error()
                + "); skip silently dropped " + skip.rowsDropped() + " of " + skip.rowsIn() + " rows; keep kept all "
                + keep.rowsOut() + " and gave the unseen plan index " + fmt(keep.unseenIndex()) + " = numLabels ("
                + keep.numLabels() + ").", "handleInvalid.stringIndexer.skip.rowsDropped", skip.rowsDropped());
        AssemblerOutcome nullSkip = r.assembler("null", "skip");
        AssemblerOutcome nullKeep = r.assembler("null", "keep");
        report.takeaway("A null reaching VectorAssembler: error fails the action, skip drops the " + nullSkip.rowsDropped()
                + " rows, keep passes them on as " + nullKeep.rowsWithNaN() + " vectors holding NaN, which the next"
                + " stage then has to cope with. NaN behaves the same way.", "handleInvalid.vectorAssembler.null.keep.rowsWithNaN",
                nullKeep.rowsWithNaN());
        report.takeaway(leakageTakeaway(leak), "leakage.aucDifference", leak.aucDifference());
        report.takeaway("The saved PipelineModel is metadata/ plus " + saved.stageDirs().size() + " stages/<idx>_<uid>/"
                + " directories (" + Format.number(saved.bytesOnDisk() / 1024.0, 3) + " KiB); after PipelineModel.load, "
                + (saved.rowsCompared() - saved.mismatches()) + " of " + saved.rowsCompared()
                + " predictions were identical.", "persistence.mismatches", saved.mismatches());
        r.coefficient(ChurnData.CALLS).ifPresent(c -> report.takeaway("Inside the pipeline the LogisticRegression"
                + " recovered the generator's relation: " + number(c.perUnit(), 3) + " per support call (truth "
                + number(c.truth(), 3) + "); region, which has no effect, got coefficients up to "
                + number(maxRegion(r), 2) + " on the log-odds scale.", "coefficients.support_calls.perUnit", c.perUnit()));
        report.takeaway("StringIndexer orders labels by frequency (frequencyDesc): '" + r.planLabels().get(0)
                + "' is the most frequent plan and got index 0; the least frequent, '" + r.planLabels().get(r.planLabels().size() - 1)
                + "', is the one OneHotEncoder's dropLast leaves out.", "learned.planLabels.size", r.planLabels().size());

        report.section(pipelineSection(sg, "The study guide's pipeline"));
        report.section(pipelineSection(r.featureEngineering(), "The feature-engineering variant"));
        report.section(learnedSection(r));
        report.section(transformSection(tc));
        report.section(unseenSection(r));
        report.section(assemblerSection(r));
        report.section(leakageSection(leak));
        report.section(persistenceSection(saved));
        report.section(timingSection(r));

        report.data("sparkClasses", r.sparkClasses());
        report.data("pipelines", List.of(sg, r.featureEngineering()));
        Map<String, Object> learned = new LinkedHashMap<>();
        learned.put("planLabels", r.planLabels());
        learned.put("treeCount", r.treeCount());
        learned.put("featureImportances", r.featureImportances());
        learned.put("scalerMean", r.scalerMean());
        learned.put("scalerStd", r.scalerStd());
        learned.put("coefficients", r.coefficients());
        report.data("learned", learned);
        report.data("transformCheck", tc);
        report.data("handleInvalid", Map.of("stringIndexer", r.unseenCategory(), "vectorAssembler", r.assembler()));
        report.data("leakage", leak);
        report.data("persistence", saved);
        report.data("stepSeconds", r.stepSeconds());
        MlflowRun.addTo(report, r.mlflowRun());
        return report.build();
    }

    private static String transitions(PipelineTrace trace) {
        return String.join(", ", trace.stages().stream().filter(s -> !s.sameObject())
                .map(s -> s.beforeClass() + " -> " + s.afterClass()).toList());
    }

    private static String leakageTakeaway(LeakageOutcome leak) {
        String stats = "Fitting the StandardScaler on all rows let the later customers' price rise of +"
                + number(leak.priceShift(), 3) + " leak in: its std of monthly_charges moved from "
                + number(leak.insideChargesStd(), 4) + " to " + number(leak.leakyChargesStd(), 4) + " ("
                + signedPercent(leak.stdShift()) + "). ";
        if (Math.abs(leak.aucDifference()) < NEGLIGIBLE_AUC) {
            return stats + "Yet the test AUC moved only by " + signed(leak.aucDifference()) + " (inside "
                    + number(leak.insideAuc(), 4) + ", leaky " + number(leak.leakyAuc(), 4) + "; " + leak.changedPredictions()
                    + " of " + leak.testRows() + " predicted classes changed): a scaler is a per-feature rescaling that a"
                    + " linear model absorbs into its coefficients, so the leak reaches it only through the L2 penalty"
                    + " (regParam " + number(leak.regParam(), 3) + "). The rule still holds: fit the scaler inside the"
                    + " pipeline so it never sees test rows and is saved with the model.";
        }
        return stats + "The test AUC moved by " + signed(leak.aucDifference()) + " (inside " + number(leak.insideAuc(), 4)
                + ", leaky " + number(leak.leakyAuc(), 4) + ") and " + leak.changedPredictions() + " of " + leak.testRows()
                + " predicted classes changed: the evaluation no longer measures a model that never saw the test rows.";
    }

    private static Section pipelineSection(PipelineTrace trace, String title) {
        Table.Builder stages = Table.builder("Every stage before and after fit", "#", "before fit", "kind", "after fit",
                "kind", "same object", "adds columns", "learned");
        for (StageTrace s : trace.stages()) {
            stages.row(s.index(), s.beforeClass(), s.beforeKind(), s.afterClass(), s.afterKind(), s.sameObject() ? "yes" : "no",
                    String.join(", ", s.addedColumns()), s.learned());
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("stages", trace.description());
        facts.put("object before fit", trace.pipelineClass() + " (an Estimator)");
        facts.put("fit returned", trace.modelClass());
        facts.put("every stage of the model is a Transformer", trace.allStagesTransformers());
        facts.put("training rows", trace.trainRows());
        facts.put("test rows", trace.testRows());
        facts.put("fit time", Format.seconds(trace.fitSeconds()));
        facts.put("test " + trace.metric(), trace.metricValue());
        return Section.builder(title)
                .text("Pipeline.fit runs the stages in order: an Estimator is fitted on the output of the stages before"
                        + " it and replaced by the Model it returns; a Transformer is kept as it is. The data is"
                        + " transformed only as far as the last Estimator needs.")
                .add(KeyValues.of("", facts))
                .add(stages.build())
                .build();
    }

    private static Section learnedSection(PipelineLabResult r) {
        BarChart importances = new BarChart("RandomForestClassificationModel feature importances", "feature", "importance",
                r.featureImportances().stream().map(NamedValue::name).toList(),
                List.of(new BarChart.Series("importance", r.featureImportances().stream().map(NamedValue::value).toList())));
        Table.Builder scaler = Table.builder("StandardScalerModel: what it learned per raw feature (withMean=false, withStd=true)",
                "feature", "mean", "std");
        for (int i = 0; i < r.scalerMean().size(); i++) {
            scaler.row(r.scalerMean().get(i).name(), r.scalerMean().get(i).value(), r.scalerStd().get(i).value());
        }
        Table.Builder coefficients = Table.builder("LogisticRegressionModel coefficients vs the generator's truth",
                "feature", "on scaled feature", "per raw unit", "truth");
        for (CoefficientCheck c : r.coefficients()) {
            coefficients.row(c.feature(), c.onScaled(), c.perUnit(), c.truth());
        }
        BarChart truth = new BarChart("Learned vs true coefficient (log-odds per raw unit)", "feature", "coefficient",
                r.coefficients().stream().map(CoefficientCheck::feature).toList(),
                List.of(new BarChart.Series("learned", r.coefficients().stream().map(CoefficientCheck::perUnit).toList()),
                        new BarChart.Series("truth", r.coefficients().stream().map(CoefficientCheck::truth).toList())));
        return Section.builder("What the fitted stages learned")
                .text("StringIndexerModel labels for plan (index = position, most frequent first): " + r.planLabels()
                        + ". The forest holds " + r.treeCount() + " trees. One-hot coefficients are relative to the dropped"
                        + " last category; the scaler divides by std, so a coefficient per raw unit is the scaled one / std.")
                .add(importances)
                .add(scaler.build())
                .add(coefficients.build())
                .add(truth)
                .build();
    }

    private static Section transformSection(TransformCheck tc) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("Transformer.class.isAssignableFrom(Pipeline.class)", tc.pipelineIsTransformer());
        facts.put("Pipeline has a public transform method", tc.pipelineHasTransformMethod());
        facts.put("Pipeline's superclasses", String.join(" -> ", tc.pipelineAncestry()));
        facts.put("Transformer.class.isAssignableFrom(PipelineModel.class)", tc.modelIsTransformer());
        facts.put("PySpark, pipeline.transform(df)", tc.pysparkError());
        return Section.builder("A Pipeline cannot transform")
                .text("A Pipeline is an Estimator: it only has fit. The object that transforms is the PipelineModel that"
                        + " fit returns. What javac says about pipeline.transform(df), compiled against this classpath:")
                .code("text", tc.javaCompilerError())
                .add(KeyValues.of("", facts))
                .text("The correct sequence:")
                .code("java", tc.correctSequence())
                .build();
    }

    private static Section unseenSection(PipelineLabResult r) {
        Table.Builder table = Table.builder("Fitted study-guide model on test rows plus rows with plan '"
                + HandleInvalidProbe.UNSEEN_PLAN + "'", "handleInvalid", "rows in", "unseen rows", "rows out", "rows dropped",
                "unseen plan's index", "outcome");
        for (UnseenCategoryOutcome o : r.unseenCategory()) {
            table.row(o.mode(), o.rowsIn(), o.unseenRows(), o.rowsOut(), o.rowsDropped(), fmt(o.unseenIndex()),
                    o.failed() ? o.error() : "ok");
        }
        BarChart chart = new BarChart("Rows out of transform per handleInvalid mode", "handleInvalid", "rows",
                r.unseenCategory().stream().map(UnseenCategoryOutcome::mode).toList(),
                List.of(new BarChart.Series("rows out", r.unseenCategory().stream().map(o -> (double) o.rowsOut()).toList()),
                        new BarChart.Series("rows dropped", r.unseenCategory().stream().map(o -> (double) o.rowsDropped()).toList())));
        return Section.builder("handleInvalid: a category the StringIndexerModel never saw")
                .text("The mode is a Param of the StringIndexerModel read at transform time, so the lab passes it to"
                        + " PipelineModel.transform(df, paramMap) instead of refitting. The failure is lazy: transform returns"
                        + " at once and the first action that needs the index throws.")
                .add(table.build())
                .add(chart)
                .code("text", r.unseen("error").error())
                .build();
    }

    private static Section assemblerSection(PipelineLabResult r) {
        Table.Builder table = Table.builder("VectorAssembler over tenure, charges, calls", "invalid value", "handleInvalid",
                "rows in", "invalid rows", "rows out", "vectors with NaN", "outcome");
        for (AssemblerOutcome o : r.assembler()) {
            table.row(o.invalidValue(), o.mode(), o.rowsIn(), o.invalidRows(), o.rowsOut(), o.rowsWithNaN(),
                    o.failed() ? o.error() : "ok");
        }
        List<String> categories = r.assembler().stream().map(o -> o.invalidValue() + " / " + o.mode()).toList();
        BarChart chart = new BarChart("Rows out of VectorAssembler", "invalid value / handleInvalid", "rows",
                categories, List.of(new BarChart.Series("rows out", r.assembler().stream().map(o -> (double) o.rowsOut()).toList()),
                new BarChart.Series("vectors with NaN", r.assembler().stream().map(o -> (double) o.rowsWithNaN()).toList())));
        return Section.builder("handleInvalid: null and NaN reaching VectorAssembler")
                .add(table.build())
                .add(chart)
                .code("text", r.assembler("null", "error").error() + "\n" + r.assembler("NaN", "error").error())
                .build();
    }

    private static Section leakageSection(LeakageOutcome leak) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("split", "by time: " + leak.trainRows() + " earlier customers train, " + leak.testRows() + " later ones test");
        facts.put("price rise for the later customers", leak.priceShift());
        facts.put("LogisticRegression", "regParam " + number(leak.regParam()) + ", standardization=false");
        facts.put("scaler mean of monthly_charges, inside / leaky", number(leak.insideChargesMean()) + " / " + number(leak.leakyChargesMean()));
        facts.put("scaler std of monthly_charges, inside / leaky", number(leak.insideChargesStd()) + " / " + number(leak.leakyChargesStd()));
        facts.put("test areaUnderROC, inside / leaky", number(leak.insideAuc()) + " / " + number(leak.leakyAuc()));
        facts.put("test logLoss, inside / leaky", number(leak.insideLogLoss()) + " / " + number(leak.leakyLogLoss()));
        facts.put("predicted classes that changed", leak.changedPredictions() + " of " + leak.testRows());
        BarChart chart = new BarChart("Test metric, scaler inside the pipeline vs fitted before the split", "metric", "value",
                List.of("areaUnderROC", "logLoss"), List.of(
                new BarChart.Series("inside", List.of(leak.insideAuc(), leak.insideLogLoss())),
                new BarChart.Series("leaky", List.of(leak.leakyAuc(), leak.leakyLogLoss()))));
        return Section.builder("Leakage: a scaler fitted before the split")
                .text(leakageTakeaway(leak))
                .add(KeyValues.of("", facts))
                .add(chart)
                .build();
    }

    private static Section persistenceSection(PersistenceOutcome saved) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("loaded class", saved.loadedClass());
        facts.put("stage directories", String.join(", ", saved.stageDirs()));
        facts.put("bytes on disk", saved.bytesOnDisk());
        facts.put("rows scored by both", saved.rowsCompared());
        facts.put("rows that differ", saved.mismatches());
        facts.put("largest probability difference", saved.maxProbabilityDifference());
        return Section.builder("Save and load")
                .text("model.write().overwrite().save(path) wrote this layout (checksum .crc files left out); each stage"
                        + " directory is named <index>_<uid> and holds the stage's own metadata and data:")
                .code("text", String.join("\n", saved.layout()))
                .add(KeyValues.of("", facts))
                .build();
    }

    private static Section timingSection(PipelineLabResult r) {
        Table.Builder table = Table.builder("Wall time per step", "step", "time");
        r.stepSeconds().forEach(t -> table.row(t.name(), Format.seconds(t.value())));
        return Section.builder("Where the time went")
                .text(r.options().concurrentProbes()
                        ? "After the first fit, the feature-engineering fit, the leakage probe and save/load run side by side"
                        + " with the handleInvalid probes (concurrentProbes=true), and javac runs from the start: those"
                        + " times overlap, so they add up to more than the wall time (" + Format.seconds(r.provenance().seconds()) + ")."
                        : "Steps ran one after the other (concurrentProbes=false).")
                .add(table.build()).build();
    }

    private static double maxRegion(PipelineLabResult r) {
        return r.coefficients().stream().filter(c -> c.feature().startsWith(ChurnPipelines.REGION_ONEHOT))
                .mapToDouble(c -> Math.abs(c.perUnit())).max().orElse(0);
    }

    private static String fmt(Double value) {
        return value == null ? "-" : number(value);
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + number(value, 3);
    }

    private static String signedPercent(double share) {
        return (share >= 0 ? "+" : "") + percent(share);
    }
}
