package dev.mlsandbox.cli;

import dev.mlsandbox.spark.SparkJvmFlags;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/sandbox jvm-flags}: the flags a JVM running Spark needs, e.g. for a notebook kernel. */
@Command(name = "jvm-flags", mixinStandardHelpOptions = true,
        description = "Print the JVM flags Spark needs on JDK 17+ (give them to a notebook kernel or your own java command).")
final class JvmFlagsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(String.join(" ", SparkJvmFlags.flags()));
    }
}
