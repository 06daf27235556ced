package dev.mlsandbox.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.mlsandbox.Labs;

import dev.mlsandbox.cli.bundle.BundleCommand;
import dev.mlsandbox.cli.labs.LabCommands;
import dev.mlsandbox.lab.BuildInfo;
import dev.mlsandbox.lab.LabDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/sandbox}: run the labs, the tour and the examples of MLOps Sandbox.
 *
 * <p>The command table, top to bottom. A new top-level command adds one line to
 * {@code subcommands}. Labs are not written here: {@code labs}, {@code lab <name>} and
 * {@code tour} take the catalog ({@link Labs#all()}), and {@code lab <name>} gets its options and
 * {@code --help} from the lab's descriptor (see {@link dev.mlsandbox.cli.labs.LabCommands}).
 */
@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        versionProvider = SandboxCli.Version.class,
        description = {"Study and rehearse production ML on Apache Spark, locally.",
                "Every lab runs real Spark, measures what happened and writes a report (HTML, Markdown, JSON)."},
        subcommands = {
                LabsCommand.class,
                LabCommand.class,
                TourCommand.class,
                ExampleCommand.class,
                DriftCommand.class,
                JvmFlagsCommand.class,
                ServerCommand.class,
                ServeCommand.class,
                BundleCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Start with:  bin/sandbox tour      then open reports/index.html",
                "Docs:        docs/ (one page per concept), README.md"})
public final class SandboxCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(Labs.all());
    }

    /** The CLI over a catalog of labs: the real one, or a test's. */
    public static CommandLine commandLine(List<LabDescriptor<?, ?>> labs) {
        CommandLine cli = new CommandLine(new SandboxCli(), new CatalogFactory(labs));
        LabCommands.addTo(cli.getSubcommands().get("lab"), labs);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler(new UsageErrors());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the commands, handing the catalog to those that take one ({@code labs}, {@code lab}, {@code tour}). */
    private record CatalogFactory(List<LabDescriptor<?, ?>> labs) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                var constructor = type.getDeclaredConstructor(List.class);
                return constructor.newInstance(labs);
            } catch (NoSuchMethodException none) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** {@code --version}: the sandbox, Spark, Scala, Delta Lake and Java versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"MLOps Sandbox " + BuildInfo.sandboxVersion(),
                    "Spark " + BuildInfo.sparkVersion() + ", Scala " + BuildInfo.scalaVersion()
                            + ", Delta Lake " + BuildInfo.deltaVersion(),
                    BuildInfo.javaDescription()};
        }
    }

    /** A failing command prints one line (no stack trace) and exits 1. */
    static final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
            cmd.getErr().println("sandbox " + cmd.getCommandName() + ": " + Messages.oneLine(e));
            if (Boolean.getBoolean("sandbox.debug")) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(run with JAVA_OPTS=-Dsandbox.debug=true for the stack trace)");
            }
            return ExitCodes.FAILED;
        }
    }

    /** A wrong command line prints the reason and the command's usage, and exits 2. */
    static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("sandbox: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.getErr().println("Try 'bin/sandbox " + qualifiedName(cmd) + " --help'.");
            return ExitCodes.USAGE;
        }

        private static String qualifiedName(CommandLine cmd) {
            String name = cmd.getCommandSpec().qualifiedName(" ");
            return name.startsWith("sandbox ") ? name.substring("sandbox ".length()) : "";
        }
    }
}
