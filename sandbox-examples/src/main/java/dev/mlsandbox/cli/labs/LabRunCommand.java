package dev.mlsandbox.cli.labs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.cli.ExitCodes;
import dev.mlsandbox.cli.RunOptions;
import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bin/sandbox lab <name> [parameters]}: reads the parameters given on the command line
 * into the lab's parameter map, builds the lab from it (a bad value is a usage error naming the
 * parameter and its rule, before Spark starts), runs it and writes
 * {@code <out>/<lab>/report.{html,md,json}}; prints the HTML path, and the takeaways on stderr.
 */
@Command(mixinStandardHelpOptions = true)
final class LabRunCommand implements Callable<Integer> {

    private final LabDescriptor<?, ?> descriptor;
    /** The generated options and the parameter each sets. */
    private final Map<OptionSpec, String> parameters = new LinkedHashMap<>();

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    LabRunCommand(LabDescriptor<?, ?> descriptor) {
        this.descriptor = descriptor;
    }

    void parameterOption(OptionSpec option, String parameter) {
        parameters.put(option, parameter);
    }

    /** The parameters the command line gave, as text; the others keep the lab's defaults. */
    Map<String, String> given() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> given = new LinkedHashMap<>();
        parameters.forEach((option, parameter) -> {
            if (parsed.hasMatchedOption(option)) {
                given.put(parameter, String.valueOf(option.<Object>getValue()));
            }
        });
        return given;
    }

    @Override
    public Integer call() {
        Lab<?> lab;
        try {
            lab = descriptor.create(given());
        } catch (IllegalArgumentException e) {
            // A bad value is a usage error (exit 2), reported with the parameter's own rule.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Sandbox sandbox = run.sandbox()) {
            Report report = sandbox.run(lab).report();
            Path directory = run.out.resolve(lab.name());
            ReportWriter.ReportFiles files = new ReportWriter().write(report, directory);
            spec.commandLine().getOut().println(files.html());
            spec.commandLine().getOut().flush();
            report.takeaways().forEach(t -> spec.commandLine().getErr().println("  * " + t.text()));
            return ExitCodes.OK;
        }
    }
}
