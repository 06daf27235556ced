package dev.mlsandbox.examples;

import java.nio.file.Path;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.report.ReportWriter;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.InstrumentedTuning;
import dev.mlsandbox.tuning.ParamKey;
import dev.mlsandbox.tuning.TrainValidation;
import dev.mlsandbox.tuning.TuningGrid;
import dev.mlsandbox.tuning.lab.TuningLabResult;
import dev.mlsandbox.tuning.TuningSetup;

/**
 * {@code bin/sandbox example tuning [OUT_DIR]}: CrossValidator and TrainValidationSplit on the
 * same pipeline, first by hand (what you would write at work), then instrumented, then the whole
 * lab with its report.
 */
public final class TuningExample {
    private TuningExample() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "reports");
        try (Sandbox sandbox = Sandbox.local()) {
            // 1. Data and the thing to tune: the churn pipeline, an AUC evaluator, a 2 x 2 grid.
            Dataset<Row> data = sandbox.churn(ChurnSpec.rows(800)).cache();
            TuningSetup setup = TuningSetup.churn(TuningGrid.defaults(), 10);

            // 2. Plain Spark. avgMetrics is in the order of getEstimatorParamMaps() of *this* model:
            //    always read the two together, never against a grid you built again.
            CrossValidatorModel plain = InstrumentedTuning.crossValidator(setup, 3, 42L, 1).fit(data);
            ParamMap[] maps = plain.getEstimatorParamMaps();
            for (int i = 0; i < maps.length; i++) {
                System.out.printf("plain CV  %-36s avg AUC %.4f%n", ParamKey.of(maps[i]).label(), plain.avgMetrics()[i]);
            }
            PipelineModel best = (PipelineModel) plain.bestModel();
            System.out.println("plain CV  best model has " + best.stages().length + " stages");

            // 3. The same fit, instrumented: fits are counted and every fold's metric is kept.
            CrossValidation cv = InstrumentedTuning.crossValidate(data, setup, 3, 42L, 1, false);
            System.out.printf("CV fitted %d models (formula k x |grid| + 1 = %d) in %.2f s%n",
                    cv.fits(), cv.expectedFits(), cv.seconds());
            for (CrossValidation.FoldScores s : cv.paramMaps()) {
                System.out.printf("  %-36s folds %s mean %.4f std %.4f%n", s.params().label(), s.foldMetrics(), s.mean(), s.std());
            }
            TrainValidation tvs = InstrumentedTuning.trainValidate(data, setup, 0.75, 42L, 1);
            System.out.printf("TVS fitted %d models (|grid| + 1 = %d) in %.2f s and chose %s (CV chose %s)%n",
                    tvs.fits(), tvs.expectedFits(), tvs.seconds(), tvs.best().label(), cv.best().label());

            // 4. The whole lab: stability over 5 seeds and the sweeps, as a report.
            TuningLabResult result = sandbox.tuningLab().run();
            result.report().takeaways().forEach(t -> System.out.println("* " + t.text()));
            ReportWriter.ReportFiles files = new ReportWriter().write(result.report(), out.resolve("tuning"));
            System.out.println("report: " + files.html());
        }
    }
}
