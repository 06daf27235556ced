package dev.mlsandbox.pipeline.lab;

import dev.mlsandbox.pipeline.AssemblerOutcome;
import dev.mlsandbox.pipeline.CoefficientCheck;
import dev.mlsandbox.pipeline.HandleInvalidProbe;
import dev.mlsandbox.pipeline.LeakageOutcome;
import dev.mlsandbox.pipeline.NamedValue;
import dev.mlsandbox.pipeline.PersistenceOutcome;
import dev.mlsandbox.pipeline.PipelineTrace;
import dev.mlsandbox.pipeline.TransformCheck;
import dev.mlsandbox.pipeline.UnseenCategoryOutcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.lab.MlflowRun;

/**
 * Everything the Pipeline lab measured, immutable. {@link #report()} turns it into a report; a
 * notebook can read the numbers directly.
 *
 * @param options            what ran
 * @param provenance         versions, seed, rows, timings
 * @param studyGuide         StringIndexer -> VectorAssembler -> RandomForestClassifier, fitted and traced
 * @param featureEngineering StringIndexer -> OneHotEncoder -> VectorAssembler -> StandardScaler -> LogisticRegression
 * @param planLabels         the StringIndexerModel's labels for {@code plan}: index = position (frequencyDesc)
 * @param treeCount          trees in the fitted RandomForestClassificationModel
 * @param featureImportances the forest's feature importances, by assembled feature
 * @param scalerMean         the StandardScalerModel's mean per raw feature
 * @param scalerStd          the StandardScalerModel's std per raw feature
 * @param coefficients       the LogisticRegressionModel's coefficients next to the generator's truth
 * @param transformCheck     why a Pipeline has no transform
 * @param unseenCategory     StringIndexerModel handleInvalid error/skip/keep on an unseen plan
 * @param assembler          VectorAssembler handleInvalid error/skip/keep on nulls and NaNs
 * @param leakage            StandardScaler fitted before the split vs inside the pipeline
 * @param persistence        save, list, load, compare
 * @param stepSeconds        wall time of each step of the run, in order
 * @param mlflowRun          where the run was logged, or null when tracking is off
 */
public record PipelineLabResult(PipelineLabOptions options, Provenance provenance, PipelineTrace studyGuide,
                                PipelineTrace featureEngineering, List<String> planLabels, int treeCount,
                                List<NamedValue> featureImportances, List<NamedValue> scalerMean,
                                List<NamedValue> scalerStd, List<CoefficientCheck> coefficients,
                                TransformCheck transformCheck, List<UnseenCategoryOutcome> unseenCategory,
                                List<AssemblerOutcome> assembler, LeakageOutcome leakage,
                                PersistenceOutcome persistence, List<NamedValue> stepSeconds,
                                MlflowRun mlflowRun) implements LabResult {

    public PipelineLabResult {
        planLabels = List.copyOf(planLabels);
        featureImportances = List.copyOf(featureImportances);
        scalerMean = List.copyOf(scalerMean);
        scalerStd = List.copyOf(scalerStd);
        coefficients = List.copyOf(coefficients);
        unseenCategory = List.copyOf(unseenCategory);
        assembler = List.copyOf(assembler);
        stepSeconds = List.copyOf(stepSeconds);
    }

    /** The unseen-category outcome of one handleInvalid mode. */
    public UnseenCategoryOutcome unseen(String mode) {
        return unseenCategory.stream().filter(o -> o.mode().equals(mode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unseen-category outcome for handleInvalid '" + mode
                        + "': expected one of " + HandleInvalidProbe.MODES));
    }

    /** The VectorAssembler outcome for one invalid value ({@code null} or {@code NaN}) and mode. */
    public AssemblerOutcome assembler(String invalidValue, String mode) {
        return assembler.stream().filter(o -> o.invalidValue().equals(invalidValue) && o.mode().equals(mode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no VectorAssembler outcome for " + invalidValue + " under '"
                        + mode + "': invalid values are null and NaN, modes " + HandleInvalidProbe.MODES));
    }

    /** The coefficient check of one assembled feature, if there is one by that name. */
    public Optional<CoefficientCheck> coefficient(String feature) {
        return coefficients.stream().filter(c -> c.feature().equals(feature)).findFirst();
    }

    /** Every Spark class the lab touched, before and after fit, in pipeline order. */
    public List<String> sparkClasses() {
        Set<String> names = new LinkedHashSet<>();
        for (PipelineTrace trace : List.of(studyGuide, featureEngineering)) {
            names.add(trace.pipelineClass());
            names.add(trace.modelClass());
            trace.stages().forEach(s -> {
                names.add(s.beforeClass());
                names.add(s.afterClass());
            });
        }
        return new ArrayList<>(names);
    }

    @Override
    public Report report() {
        return PipelineLabReport.build(this);
    }
}
