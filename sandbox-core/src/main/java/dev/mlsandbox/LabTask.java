package dev.mlsandbox;

import java.util.List;

import dev.mlsandbox.bundle.run.SandboxTask;
import dev.mlsandbox.bundle.run.TaskContext;
import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabResult;
import dev.mlsandbox.report.ReportWriter;

/**
 * A bundle task that runs a sandbox lab from the catalog ({@link Labs}), written as a JAR task so
 * that the file stays valid for the Databricks CLI:
 * <pre>
 * - task_key: tune
 *   spark_jar_task:
 *     main_class_name: dev.mlsandbox.LabTask
 *     parameters: ["tuning", "seed=7", "rows=2000"]
 * </pre>
 * The first parameter names the lab, the others are its parameters as {@code key=value}, the names
 * {@code bin/sandbox lab <name> --help} lists ({@code trainRatio=0.5}, {@code sweeps=false}; {@code rows}
 * also sets a lab's size parameter of another name, such as drift's {@code rowsPerWindow});
 * parameters left out keep the lab's defaults. The lab runs on the run's shared Spark session,
 * writes its report to the task's output directory, and sets the task values {@code lab} and
 * {@code report} (the report directory).
 */
public final class LabTask implements SandboxTask {

    @Override
    public void run(TaskContext context) {
        List<String> p = context.parameters();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("LabTask needs the lab's name as its first parameter; labs: " + Labs.names());
        }
        LabDescriptor<?, ?> lab = Labs.find(p.get(0)).orElseThrow(() -> new IllegalArgumentException("no lab '" + p.get(0)
                + "'; labs: " + Labs.names()));
        Lab<?> instance = lab.create(context.namedParameters(1));
        LabResult result = instance.run(context.labContext());
        ReportWriter.ReportFiles files = new ReportWriter().write(result.report(), context.outputDirectory());
        context.setValue("lab", lab.name());
        context.setValue("report", files.html().getParent().toString());
    }
}
