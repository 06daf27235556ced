package dev.mlsandbox.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.mlsandbox.cli.SandboxCli;

/**
 * {@code bin/sandbox bundle validate}'s CPU after JVM start (goal: at most 1 s on the example
 * bundle), against {@code bin/sandbox --version} in the same kind of JVM (the CLI's own start-up:
 * picocli, the command table, the lab catalog). Each measurement is a fresh child JVM, as a user's
 * command is; the child reads its process CPU time when its main starts and after the command, so
 * the JVM's own start-up is excluded from both. Runs alternate; medians are printed with the ratio.
 *
 * <pre>bench/run BundleValidate [runs]</pre>
 */
public final class BundleValidateBenchmark {

    /** The shape of the example bundle: two targets, variables, an include, a model with grants, a six-task job. */
    static final String BUNDLE = """
            bundle:
              name: churn-cicd
            include:
              - resources/*.yml
            variables:
              catalog: {description: Unity Catalog catalog, default: main}
              schema: {default: ml}
              min_auc: {default: "0.80"}
            targets:
              dev:
                mode: development
                default: true
              prod:
                mode: production
                workspace: {root_path: "/Workspace/Shared/.bundle/${bundle.name}/${bundle.target}"}
                variables: {catalog: prod}
            resources:
              experiments:
                training: {name: /Shared/churn-training}
              registered_models:
                churn:
                  catalog_name: ${var.catalog}
                  schema_name: ${var.schema}
                  name: churn
                  comment: churn model from ${bundle.name} (${bundle.target})
                  grants:
                    - {principal: ml-team, privileges: [EXECUTE]}
            """;

    static final String JOB = """
            resources:
              jobs:
                train:
                  name: train churn
                  parameters: [{name: min_auc, default: "${var.min_auc}"}]
                  schedule: {quartz_cron_expression: "0 0 6 * * ?", timezone_id: UTC}
                  job_clusters: [{job_cluster_key: main, new_cluster: {spark_version: 15.4.x-scala2.12, num_workers: 1}}]
                  tasks:
                    - task_key: train
                      job_cluster_key: main
                      spark_jar_task: {main_class_name: dev.mlsandbox.LabTask, parameters: [pipeline, seed=7]}
                    - task_key: evaluate
                      depends_on: [{task_key: train}]
                      job_cluster_key: main
                      spark_jar_task: {main_class_name: dev.mlsandbox.LabTask, parameters: [tuning, seed=7]}
                    - task_key: gate
                      depends_on: [{task_key: evaluate}]
                      condition_task: {left: "{{tasks.evaluate.values.auc}}", op: GREATER_THAN_OR_EQUAL, right: "{{job.parameters.min_auc}}"}
                    - task_key: register
                      depends_on: [{task_key: gate, outcome: "true"}]
                      job_cluster_key: main
                      spark_jar_task: {main_class_name: dev.mlsandbox.LabTask, parameters: [registry]}
                    - task_key: keep
                      depends_on: [{task_key: gate, outcome: "false"}]
                      condition_task: {left: "1", op: EQUAL_TO, right: "1"}
                    - task_key: report
                      depends_on: [{task_key: register}, {task_key: keep}]
                      run_if: NONE_FAILED
                      condition_task: {left: "1", op: EQUAL_TO, right: "1"}
            """;

    private BundleValidateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            child(args[1]);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("bundle-bench");
        Files.writeString(dir.resolve("databricks.yml"), BUNDLE);
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve("resources/train.yml"), JOB);
        List<Double> validate = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            validate.add(spawn(dir.toString()));
            version.add(spawn("--version"));
        }
        double v = median(validate);
        double b = median(version);
        System.out.printf(Locale.ROOT, "bundle validate, CPU after JVM start: median %.3f s  %s%n", v, validate);
        System.out.printf(Locale.ROOT, "--version (baseline), CPU after JVM start: median %.3f s  %s%n", b, version);
        System.out.printf(Locale.ROOT, "ratio validate / --version: %.2f; validate's own work: %.3f s (goal: validate <= 1 s)%n",
                v / b, v - b);
    }

    /** Runs the CLI once in this JVM and prints the CPU seconds it took since main started. */
    private static void child(String what) {
        double start = cpu();
        String[] cli = what.equals("--version") ? new String[]{"--version"} : new String[]{"bundle", "validate", "--root", what,
                "--user", "bench@example.com"};
        StringWriter out = new StringWriter();
        int code = SandboxCli.execute(cli, new PrintWriter(out), new PrintWriter(out));
        if (code != 0 || what.equals("--version") == out.toString().contains("Validation OK!")) {
            throw new IllegalStateException("unexpected output (exit " + code + "):\n" + out);
        }
        System.out.println("cpu " + (cpu() - start));
    }

    private static double spawn(String what) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BundleValidateBenchmark.class.getName(), "--child", what));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("child failed:\n" + text);
        }
        String line = text.lines().filter(l -> l.startsWith("cpu ")).reduce((a, b) -> b).orElseThrow(
                () -> new IllegalStateException("no cpu line in:\n" + text));
        return Double.parseDouble(line.substring(4));
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
