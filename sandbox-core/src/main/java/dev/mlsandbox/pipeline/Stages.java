package dev.mlsandbox.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.feature.OneHotEncoderModel;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import dev.mlsandbox.report.Format;

/**
 * Reads a pipeline and its fitted model stage by stage: classes, kinds, what each fitted stage
 * learned, and the columns it adds. Schemas come from {@code transformSchema}, so tracing costs
 * no Spark job.
 */
public final class Stages {

    private Stages() {
    }

    public static List<StageTrace> trace(Pipeline pipeline, PipelineModel model, StructType input) {
        PipelineStage[] before = pipeline.getStages();
        Transformer[] after = model.stages();
        if (before.length != after.length) {
            throw new IllegalStateException("pipeline has " + before.length + " stages but its model has " + after.length);
        }
        List<StageTrace> traces = new ArrayList<>();
        StructType schema = input;
        for (int i = 0; i < before.length; i++) {
            StructType next = after[i].transformSchema(schema);
            traces.add(new StageTrace(i, after[i].uid(), before[i].getClass().getSimpleName(), kind(before[i]),
                    after[i].getClass().getSimpleName(), kind(after[i]), before[i] == after[i], learned(after[i]),
                    added(schema, next)));
            schema = next;
        }
        return traces;
    }

    /** {@code Estimator} or {@code Transformer}: the two kinds of PipelineStage. */
    static String kind(PipelineStage stage) {
        if (stage instanceof Estimator<?>) {
            return "Estimator";
        }
        return stage instanceof Transformer ? "Transformer" : "PipelineStage";
    }

    /** What fit stored in a fitted stage; a plain Transformer stores nothing. */
    static String learned(Transformer stage) {
        if (stage instanceof StringIndexerModel m) {
            String[] inputs = m.isSet(m.inputCols()) ? m.getInputCols() : new String[]{m.getInputCol()};
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < m.labelsArray().length; i++) {
                parts.add("labels of " + inputs[i] + " " + Arrays.toString(m.labelsArray()[i]) + " (index = position)");
            }
            return String.join("; ", parts);
        }
        if (stage instanceof OneHotEncoderModel m) {
            return "categorySizes " + Arrays.toString(m.categorySizes()) + ", dropLast=" + m.getDropLast()
                    + " (vectors one shorter than the category count)";
        }
        if (stage instanceof StandardScalerModel m) {
            return "mean " + numbers(m.mean()) + ", std " + numbers(m.std()) + " (withMean=" + m.getWithMean()
                    + ", withStd=" + m.getWithStd() + ")";
        }
        if (stage instanceof RandomForestClassificationModel m) {
            return m.getNumTrees() + " trees, " + m.totalNumNodes() + " nodes, " + m.numFeatures()
                    + " features, featureImportances " + numbers(m.featureImportances());
        }
        if (stage instanceof LogisticRegressionModel m) {
            String iterations = m.hasSummary() ? ", " + m.summary().totalIterations() + " LBFGS iterations (maxIter "
                    + m.getMaxIter() + ")" : "";
            return "coefficients " + numbers(m.coefficients()) + ", intercept " + Format.number(m.intercept()) + iterations;
        }
        if (stage instanceof VectorAssembler) {
            return "nothing: a Transformer is not fitted; the Pipeline put the same object in the model";
        }
        return "nothing learned (" + stage.getClass().getSimpleName() + ")";
    }

    static String numbers(Vector vector) {
        return Arrays.stream(vector.toArray()).mapToObj(Format::number).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Columns present in {@code after} but not in {@code before}, as {@code name: type}. */
    static List<String> added(StructType before, StructType after) {
        List<String> names = Arrays.asList(before.fieldNames());
        List<String> added = new ArrayList<>();
        for (StructField field : after.fields()) {
            if (!names.contains(field.name())) {
                added.add(field.name() + ": " + field.dataType().simpleString());
            }
        }
        return added;
    }

    /** The simple class names of every stage of a model, in order. */
    static List<String> classNames(PipelineModel model) {
        return Arrays.stream(model.stages()).map(s -> s.getClass().getSimpleName()).toList();
    }
}
