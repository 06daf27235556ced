package dev.mlsandbox.examples;

import java.nio.file.Path;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.pipeline.lab.PipelineLab;
import dev.mlsandbox.pipeline.lab.PipelineLabOptions;
import dev.mlsandbox.pipeline.lab.PipelineLabResult;
import dev.mlsandbox.report.ReportWriter;

/**
 * Estimator, Transformer, PipelineModel: the study guide's pipeline by hand, then the whole lab.
 * Run it with {@code bin/sandbox example pipeline [OUT_DIR]}.
 */
public final class PipelineExample {

    private PipelineExample() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "reports/examples");
        try (Sandbox sandbox = Sandbox.local()) {
            PipelineLabOptions options = PipelineLabOptions.defaults().withRows(2_000);

            // 1. A Pipeline is an Estimator: it has fit, not transform.
            Dataset<Row>[] split = sandbox.churn(options.churnSpec()).randomSplit(new double[]{0.8, 0.2}, options.seed());
            Pipeline pipeline = PipelineLab.studyGuidePipeline(options);
            System.out.println("Pipeline is a Transformer? " + Transformer.class.isAssignableFrom(Pipeline.class));

            // 2. fit returns a PipelineModel: every stage is now a Transformer.
            PipelineModel model = pipeline.fit(split[0]);
            for (Transformer stage : model.stages()) {
                System.out.println("  fitted stage: " + stage.getClass().getSimpleName());
            }

            // 3. The PipelineModel transforms new rows.
            model.transform(split[1]).select("plan", "plan_index", "probability", "prediction").show(3, false);

            // 4. The lab runs all of that plus the failure modes, and returns numbers and a report.
            PipelineLabResult result = sandbox.pipelineLab().run(options);
            result.report().takeaways().forEach(t -> System.out.println("- " + t.text()));
            ReportWriter.ReportFiles files = new ReportWriter().write(result.report(), out.resolve(PipelineLab.NAME));
            System.out.println("report: " + files.html().toAbsolutePath());
        }
    }
}
