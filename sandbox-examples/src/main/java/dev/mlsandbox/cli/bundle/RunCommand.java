package dev.mlsandbox.cli.bundle;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.bundle.LoadedBundle;
import dev.mlsandbox.bundle.run.DeployedJobs;
import dev.mlsandbox.bundle.run.JobRunResult;
import dev.mlsandbox.bundle.run.JobRunner;
import dev.mlsandbox.bundle.run.ResultState;
import dev.mlsandbox.bundle.run.RunListener;
import dev.mlsandbox.bundle.run.TaskRun;
import dev.mlsandbox.cli.ExitCodes;
import dev.mlsandbox.cli.TerminalProgress;
import dev.mlsandbox.lab.LabContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/sandbox bundle run KEY}: runs the deployed job's task graph in this JVM, printing the
 * run's states the way the CLI prints them ({@code "name" RUNNING}, {@code "name" TERMINATED
 * SUCCESS}) and, as the sandbox's addition, each task's state as it changes (the CLI shows those in
 * the workspace's run page). A failed run prints the CLI's "Task x FAILED:" block and exits 1.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a deployed job of the bundle locally: depends_on, run_if, condition_task, task values.",
                "Spark starts only when a task needs it."})
final class RunCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Mixin
    BundleArgs args;

    @Mixin
    ServerArgs server;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KEY", description = "The job's key under resources.jobs.")
    String key;

    @Option(names = "--params", split = ",", paramLabel = "NAME=VALUE",
            description = "Job parameters for this run (comma-separated), overriding their defaults.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where tasks write their files (default: .databricks/bundle/<target>/runs under the bundle root).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars on stderr.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        LoadedBundle b = args.loadValid(err);
        if (b == null) {
            return ExitCodes.FAILED;
        }
        DeployedJobs.Deployed deployed = DeployedJobs.find(b.root(), b.config(), key);
        long runId = DeployedJobs.nextRunId(b.root(), b.target());
        Path outputs = out != null ? out : b.root().resolve(".databricks/bundle/" + b.target() + "/runs");
        Sandboxes sandboxes = new Sandboxes(quiet);
        JobRunResult r;
        try {
            r = new JobRunner(sandboxes::context, outputs, new Printer(o),
                    server.forRun(deployed.server(), b.config().user().userName())).run(deployed.job(), deployed.id(), runId, params);
        } finally {
            sandboxes.close();
        }
        Path record = DeployedJobs.record(b.root(), b.target(), r);
        o.println("Run record: " + b.root().relativize(record));
        o.flush();
        if (r.succeeded()) {
            return ExitCodes.OK;
        }
        for (TaskRun t : r.tasks()) {
            if (t.result() == ResultState.FAILED) {
                err.print("Task " + t.taskKey() + " FAILED:\n" + t.message() + "\n" + t.trace() + "\n");
            }
        }
        err.println("Error: run failed: " + r.stateMessage());
        err.flush();
        return ExitCodes.FAILED;
    }

    /** The CLI's progress lines: the run's, and each task's (indented). */
    private static final class Printer implements RunListener {
        private final PrintWriter out;
        private String jobName;

        Printer(PrintWriter out) {
            this.out = out;
        }

        private void line(String text) {
            out.println(LocalDateTime.now().format(TIME) + " " + text);
            out.flush();
        }

        @Override
        public void runStarted(String name, long runId) {
            this.jobName = name;
            out.println("Run: sandbox run " + runId + " of \"" + name + "\", in this JVM");
            out.println();
            line("\"" + name + "\" RUNNING");
        }

        @Override
        public void taskStarted(String taskKey) {
            line("  task \"" + taskKey + "\" RUNNING");
        }

        @Override
        public void taskFinished(TaskRun t) {
            String state = switch (t.result()) {
                case EXCLUDED, UPSTREAM_FAILED -> "SKIPPED " + t.result() + " " + t.message();
                case FAILED -> "TERMINATED FAILED " + t.message();
                default -> "TERMINATED " + t.result() + (t.outcome() == null ? "" : " outcome " + t.outcome())
                        + String.format(Locale.ROOT, " (%.1f s)", t.seconds());
            };
            line("  task \"" + t.taskKey() + "\" " + state);
        }

        @Override
        public void runFinished(JobRunResult r) {
            line("\"" + jobName + "\" TERMINATED " + r.result() + (r.stateMessage().isEmpty() ? "" : " " + r.stateMessage()));
        }
    }

    /** The Sandbox (and its Spark session), made only if a task asks for it. */
    private static final class Sandboxes {
        private final boolean quiet;
        private Sandbox sandbox;

        Sandboxes(boolean quiet) {
            this.quiet = quiet;
        }

        LabContext context() {
            if (sandbox == null) {
                sandbox = Sandbox.builder().progress(TerminalProgress.forStderr(quiet)).build();
            }
            return sandbox.context();
        }

        void close() {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
