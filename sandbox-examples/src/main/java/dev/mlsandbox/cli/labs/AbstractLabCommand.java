package dev.mlsandbox.cli.labs;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.cli.CommonOptions;
import dev.mlsandbox.cli.ExitCodes;
import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabSettings;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.ReportWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs one lab and writes {@code <out>/<lab>/report.{html,md,json}}; prints the HTML path.
 * Subclasses add the lab's own options and build the lab from them.
 */
public abstract class AbstractLabCommand implements Callable<Integer> {

    @Mixin
    protected CommonOptions common;

    @Spec
    protected CommandSpec spec;

    /** Builds the lab from the common settings and this command's own options. */
    protected abstract Lab<?> lab(LabSettings settings);

    @Override
    public Integer call() {
        LabSettings settings = common.settings();
        Lab<?> lab = lab(settings);
        try (Sandbox sandbox = common.sandbox()) {
            Report report = sandbox.run(lab).report();
            Path directory = common.out.resolve(lab.name());
            ReportWriter.ReportFiles files = new ReportWriter().write(report, directory);
            spec.commandLine().getOut().println(files.html());
            spec.commandLine().getOut().flush();
            report.takeaways().forEach(t -> spec.commandLine().getErr().println("  * " + t.text()));
            return ExitCodes.OK;
        }
    }
}
