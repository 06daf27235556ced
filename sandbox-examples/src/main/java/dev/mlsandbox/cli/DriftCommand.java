package dev.mlsandbox.cli;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.drift.DriftBins;
import dev.mlsandbox.drift.DriftEngine;
import dev.mlsandbox.drift.DriftInputException;
import dev.mlsandbox.drift.DriftPreset;
import dev.mlsandbox.drift.DriftResult;
import dev.mlsandbox.drift.io.TableReader;
import dev.mlsandbox.drift.spark.SparkDrift;
import dev.mlsandbox.drift.spark.SparkTables;
import dev.mlsandbox.lab.BuildInfo;
import dev.mlsandbox.report.Provenance;
import dev.mlsandbox.report.Report;
import dev.mlsandbox.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/sandbox drift --reference FILE --current FILE ...}: compares two data sets column by
 * column and writes {@code DIR/report.{html,md,json}} (docs/drift.md, docs/report-format.md).
 * CSV files go through the in-JVM engine; Parquet (or {@code --engine spark}) through Spark.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare a current data set with a reference: KS, PSI, Wasserstein, Jensen-Shannon, TV, "
                + "L-infinity and chi-square per column, and a verdict by preset.",
                "Writes DIR/report.{html,md,json}; exits 1 with a one-line reason on bad input."})
final class DriftCommand implements Callable<Integer> {

    @Option(names = "--reference", required = true, paramLabel = "FILE", description = "Reference data (.csv or .parquet).")
    Path reference;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "Current data (.csv or .parquet).")
    Path current;

    @Option(names = "--columns", split = ",", paramLabel = "a,b", description = "Columns to compare (default: all; then headers must match).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--categorical", split = ",", paramLabel = "c,d", description = "Columns to treat as categorical whatever their content.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--preset", defaultValue = "rigorous", paramLabel = "NAME",
            description = "evidently, lakehouse, rigorous or rigorous-bonferroni (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--bins", defaultValue = "10", paramLabel = "N", description = "Reference-quantile bins (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--save-bins", paramLabel = "FILE", description = "Save the bins fitted on the reference (JSON).")
    Path saveBins;

    @Option(names = "--bins-from", paramLabel = "FILE", description = "Reuse bins saved earlier instead of fitting them.")
    Path binsFrom;

    @Option(names = "--out", defaultValue = "reports/drift", paramLabel = "DIR", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--engine", defaultValue = "auto", paramLabel = "auto|jvm|spark",
            description = "auto: Spark for Parquet, in-JVM for CSV (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for the Spark engine (default: local[*]).")
    String master;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (saveBins != null && binsFrom != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--save-bins and --bins-from exclude each other: "
                    + "save bins once on the reference, then reuse them");
        }
        if (!List.of("auto", "jvm", "spark").contains(engine)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine must be auto, jvm or spark, got '" + engine + "'");
        }
        DriftPreset chosen = DriftPreset.byName(preset);
        DriftBins saved = binsFrom == null ? null : DriftBins.load(binsFrom);
        for (Path p : List.of(reference, current)) {
            if (!Files.exists(p)) {
                throw new DriftInputException((p == reference ? "reference" : "current") + " file " + p
                        + " does not exist; check the path");
            }
        }
        boolean spark = engine.equals("spark")
                || engine.equals("auto") && (SparkTables.isParquet(reference) || SparkTables.isParquet(current));
        Report report;
        DriftResult result;
        if (spark) {
            Sandbox.Builder b = Sandbox.builder().logLevel("ERROR");
            if (master != null) {
                b.master(master);
            }
            try (Sandbox sandbox = b.build()) {
                long start = System.nanoTime();
                Dataset<Row> r = SparkTables.read(sandbox.spark(), reference, "reference");
                Dataset<Row> c = SparkTables.read(sandbox.spark(), current, "current");
                double load = (System.nanoTime() - start) / 1e9;
                result = new SparkDrift(bins, chosen, SparkDrift.DEFAULT_RELATIVE_ERROR)
                        .compare(r, c, columns, categorical, saved, reference.toString(), current.toString())
                        .withLoadSeconds(load);
                report = result.report(provenance(result, sandbox.master()));
            }
        } else {
            TableReader.Pair pair = TableReader.readCsv(reference, current, columns, categorical);
            result = DriftEngine.builder().bins(bins).preset(chosen).build()
                    .compare(pair.reference(), pair.current(), saved).withLoadSeconds(pair.loadSeconds());
            report = result.report();
        }
        if (saveBins != null) {
            result.bins().save(saveBins);
        }
        ReportWriter.ReportFiles files = new ReportWriter().write(report, out);
        spec.commandLine().getOut().println(files.html());
        spec.commandLine().getErr().println("dataset drift: " + (result.datasetDrift() ? "yes" : "no") + " ("
                + result.verdict().driftedCount() + " of " + result.columns().size() + " columns drifted, preset "
                + chosen.id() + ")");
        return ExitCodes.OK;
    }

    private Provenance provenance(DriftResult r, String sparkMaster) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("preset", r.preset().id());
        params.put("bins", String.valueOf(r.requestedBins()));
        params.put("reference", r.referenceSource());
        params.put("current", r.currentSource());
        params.put("engine", "spark");
        return new Provenance(BuildInfo.sandboxVersion(), BuildInfo.sparkVersion(), BuildInfo.scalaVersion(),
                BuildInfo.javaVersion(), sparkMaster, 0L, r.referenceRows(), Instant.now().toString(),
                r.loadSeconds() + r.computeSeconds(), params);
    }
}
