package dev.mlsandbox.cli.bundle;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.mlsandbox.bundle.LoadedBundle;
import dev.mlsandbox.bundle.config.Severity;
import dev.mlsandbox.bundle.model.ModelReader;
import dev.mlsandbox.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/sandbox bundle validate}: what {@code databricks bundle validate} prints (diagnostics
 * on stderr; Name, Target, Workspace and "Validation OK!" or "Found N warnings" on stdout; exit 1
 * on errors). No Spark, no server.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate bundle configuration for errors, warnings and recommendations.",
                "Unknown fields, wrong types, modes, variables, references and the task graph, with file:line:column."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    BundleArgs args;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: the resolved configuration.")
    String output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!output.equals("text") && !output.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output must be text or json, got '" + output + "'");
        }
        LoadedBundle b = args.load();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Output.diagnostics(b, err);
        if (output.equals("json")) {
            if (b.config() != null) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(ModelReader.plain(b.config().tree())));
            }
        } else {
            Output.summary(b, out);
        }
        if (!b.ok()) {
            return ExitCodes.FAILED;
        }
        long warnings = b.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (strict && warnings > 0) {
            err.println("Error: " + (warnings == 1 ? "1 warning was found" : warnings + " warnings were found")
                    + ". Warnings are not allowed in strict mode");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
