package dev.mlsandbox.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlflow.tracking.MlflowClient;

import dev.mlsandbox.drift.ColumnDrift;
import dev.mlsandbox.drift.DriftResult;
import dev.mlsandbox.drift.spark.SparkDrift;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.TempDirectories;
import dev.mlsandbox.pipeline.ChurnPipelines;
import dev.mlsandbox.pipeline.CoefficientCheck;
import dev.mlsandbox.pipeline.LeakageOutcome;
import dev.mlsandbox.pipeline.NamedValue;
import dev.mlsandbox.pipeline.lab.PipelineLab;
import dev.mlsandbox.pipeline.lab.PipelineLabOptions;
import dev.mlsandbox.pipeline.lab.PipelineLabResult;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.serving.batch.BatchScore;
import dev.mlsandbox.serving.batch.BatchScorer;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.spark.DeltaSupport;
import dev.mlsandbox.spark.SessionSettings;
import dev.mlsandbox.spark.SparkJvmFlags;
import dev.mlsandbox.spark.SparkSessions;
import dev.mlsandbox.testing.CheckedProgress;
import dev.mlsandbox.tracking.TrackingServer;
import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.TrainValidation;
import dev.mlsandbox.tuning.TuningGrid;
import dev.mlsandbox.tuning.lab.TuningLab;
import dev.mlsandbox.tuning.lab.TuningLabOptions;
import dev.mlsandbox.tuning.lab.TuningLabResult;

/**
 * The labs on a real Spark standalone cluster (one master, one worker, started by {@link
 * StandaloneCluster} from the project's own classpath), against local mode, with the same seeds:
 * the pipeline lab, the tuning lab (a two-point grid), drift on the Spark engine, and batch scoring
 * of a registered model by alias into a Delta table on a path given by URI. The driver is this JVM: first a {@code local[2]} session runs
 * the four workloads, then it stops and a session with {@code --master spark://127.0.0.1:PORT}
 * runs them again on the worker's executor, with the project's jars shipped in {@code spark.jars}.
 *
 * <p>The results must be the same: the synthetic tables are one partition each (at most {@link
 * ChurnData#ROWS_PER_PARTITION} rows), the forests' and splits' seeds are fixed, so fits, splits,
 * predictions and counts are identical. A few doubles are sums of partial results that the driver
 * merges in the order tasks finish: BinaryClassificationMetrics' AUC adds its trapezoids with
 * {@code RDD.aggregate} over the curve's four partitions, a SQL sum merges two shuffle
 * partitions. Floating-point addition is not associative, so those can differ in the last bits
 * between any two runs, in local mode too; they are compared to a relative {@value #TOLERANCE} (see
 * {@link #same}), the rest exactly. docs/scale.md reports what was bit-identical.
 */
class StandaloneClusterIT {

    private static final Path ROOT = Path.of(System.getProperty("sandbox.root", "..")).toAbsolutePath().normalize();
    private static final String MODEL = "main.scale.churn";
    /** Relative; the largest difference seen on this machine was 2.5e-13 (docs/scale.md). */
    private static final double TOLERANCE = 1e-9;

    private static StandaloneCluster cluster;
    private static Path dir;
    private static TrackingServer server;
    private static Map<String, Map<String, Object>> local;
    private static Map<String, Map<String, Object>> onCluster;
    private static double localSeconds;
    private static double clusterSeconds;

    @BeforeAll
    static void runEverythingInBothModes() throws Exception {
        List<Path> projectJars = projectJars();
        cluster = StandaloneCluster.start(distribution(projectJars));
        dir = Files.createTempDirectory("standalone-it");
        TrackingServer.Builder builder = TrackingServer.builder().port(0).storeIn(dir.resolve("server"));
        RegistryServer.install(builder, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(dir.resolve("server"))));
        server = builder.build().start();

        SessionSettings base = SessionSettings.local().withAppName("standalone-it").withShufflePartitions(2);
        long start = System.nanoTime();
        local = workloads(SparkSessions.getOrCreate(base.withMaster("local[2]")), true);
        localSeconds = (System.nanoTime() - start) / 1e9;
        SparkSession.active().stop();

        String flags = String.join(" ", SparkJvmFlags.flags());
        SessionSettings clustered = base.withMaster(cluster.masterUrl())
                .withConfig("spark.jars", String.join(",", projectJars.stream().map(Path::toString).toList()))
                .withConfig("spark.executor.memory", "768m")
                .withConfig("spark.cores.max", Integer.toString(StandaloneCluster.WORKER_CORES))
                .withConfig("spark.executor.extraJavaOptions", flags);
        start = System.nanoTime();
        SparkSession spark = SparkSessions.getOrCreate(clustered);
        try {
            assertEquals(cluster.masterUrl(), spark.sparkContext().master());
            onCluster = workloads(spark, false);
            // the work ran on the worker's executor: the driver plus one executor JVM
            assertEquals(2, spark.sparkContext().statusTracker().getExecutorInfos().length,
                    "executors: " + cluster.executorLogs());
        } catch (RuntimeException | Error e) {
            throw new AssertionError("on the cluster: " + e + "\nexecutor logs:\n" + cluster.executorLogs(), e);
        } finally {
            clusterSeconds = (System.nanoTime() - start) / 1e9;
            spark.stop();
        }
        System.out.printf("[standalone cluster] the four workloads: local[2] %.1f s, standalone cluster %.1f s (session start included)%n",
                localSeconds, clusterSeconds);
    }

    @AfterAll
    static void stopEverything() {
        if (server != null) {
            server.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (dir != null) {
            TempDirectories.deleteQuietly(dir);
        }
    }

    @Test
    void thePipelineLabIsTheSame() {
        same("pipeline");
    }

    @Test
    void theTuningLabIsTheSame() {
        same("tuning");
    }

    @Test
    void driftOnTheSparkEngineIsTheSame() {
        same("drift");
    }

    @Test
    void batchScoringByAliasIsTheSame() {
        same("batch");
    }

    /**
     * Every value equal: strings, counts and row-wise results exactly, doubles to a relative
     * {@value #TOLERANCE}. A double that is a sum over partitions merged in the order tasks finish (an AUC's
     * trapezoids, a SQL aggregate's partial sums) can differ in its last bits between any two
     * runs, local or not; the message and the printed summary say how many were bit-identical.
     */
    private static void same(String workload) {
        Map<String, Object> expected = local.get(workload);
        Map<String, Object> actual = onCluster.get(workload);
        assertTrue(expected.size() > 3, workload + " recorded too little: " + expected);
        assertEquals(expected.keySet(), actual.keySet());
        int[] counts = new int[2]; // doubles compared, of which bit-identical
        double[] worst = new double[1];
        List<String> inexact = new ArrayList<>();
        for (String key : expected.keySet()) {
            int identical = counts[1];
            int compared = counts[0];
            assertTrue(close(expected.get(key), actual.get(key), counts, worst), workload + ": " + key
                    + " in local mode vs on the cluster:\n  " + expected.get(key) + "\n  " + actual.get(key));
            if (counts[0] - compared != counts[1] - identical) {
                inexact.add(key);
            }
        }
        System.out.printf("[standalone cluster] %s: %d values, %d of %d doubles bit-identical, largest relative difference %.1e%s%n",
                workload, expected.size(), counts[1], counts[0], worst[0], inexact.isEmpty() ? "" : "; not bit-identical: " + inexact);
    }

    private static boolean close(Object a, Object b, int[] counts, double[] worst) {
        if (a instanceof Double x && b instanceof Double y) {
            counts[0]++;
            if (x.equals(y)) {
                counts[1]++;
                return true;
            }
            double relative = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
            worst[0] = Math.max(worst[0], relative);
            return relative <= TOLERANCE;
        }
        if (a instanceof List<?> xs && b instanceof List<?> ys) {
            if (xs.size() != ys.size()) {
                return false;
            }
            boolean all = true;
            for (int i = 0; i < xs.size(); i++) {
                all &= close(xs.get(i), ys.get(i), counts, worst);
            }
            return all;
        }
        return a.equals(b);
    }

    /** The four workloads in one session; the numbers each produced, by name. */
    private static Map<String, Map<String, Object>> workloads(SparkSession spark, boolean registerModel) throws Exception {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        out.put("pipeline", pipeline(spark));
        long t1 = System.nanoTime();
        out.put("tuning", tuning(spark));
        long t2 = System.nanoTime();
        out.put("drift", drift(spark));
        long t3 = System.nanoTime();
        out.put("batch", batch(spark, registerModel));
        long t4 = System.nanoTime();
        System.out.printf("[standalone cluster] %s: pipeline lab %.1f s, tuning lab %.1f s, drift %.1f s, batch scoring %.1f s%n",
                spark.sparkContext().master(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        return out;
    }

    private static Map<String, Object> pipeline(SparkSession spark) {
        CheckedProgress progress = new CheckedProgress();
        PipelineLabResult r = new PipelineLab(PipelineLabOptions.defaults().withRows(600).withNumTrees(3).withMaxDepth(3))
                .run(new LabContext(spark, progress));
        progress.assertEveryTaskCompleted();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study guide AUC", r.studyGuide().metricValue());
        m.put("feature engineering AUC", r.featureEngineering().metricValue());
        m.put("trees", r.treeCount());
        m.put("plan labels", r.planLabels());
        for (NamedValue v : r.featureImportances()) {
            m.put("importance " + v.name(), v.value());
        }
        for (NamedValue v : r.scalerMean()) {
            m.put("scaler mean " + v.name(), v.value());
        }
        for (NamedValue v : r.scalerStd()) {
            m.put("scaler std " + v.name(), v.value());
        }
        for (CoefficientCheck c : r.coefficients()) {
            m.put("coefficient " + c.feature(), c.onScaled());
        }
        LeakageOutcome l = r.leakage();
        m.put("leakage", List.of(l.insideAuc(), l.leakyAuc(), l.insideLogLoss(), l.leakyLogLoss(), l.changedPredictions()));
        return m;
    }

    private static Map<String, Object> tuning(SparkSession spark) {
        CheckedProgress progress = new CheckedProgress();
        TuningLabResult r = new TuningLab(TuningLabOptions.defaults().withRows(300).withFolds(2).withStabilitySeeds(2)
                .withSweeps(false).withMaxIter(3).withGrid(TuningGrid.fromParameter("regParam=0.01,0.3"))).run(new LabContext(spark, progress));
        progress.assertEveryTaskCompleted();
        Map<String, Object> m = new LinkedHashMap<>();
        for (CrossValidation.FoldScores f : r.crossValidation().paramMaps()) {
            m.put("cv folds " + f.params(), f.foldMetrics());
        }
        m.put("cv best", r.crossValidation().best().toString());
        for (TrainValidation.SplitScore s : r.trainValidation().paramMaps()) {
            m.put("tvs " + s.params(), s.validationMetric());
        }
        m.put("tvs best", r.trainValidation().best().toString());
        m.put("cv test AUC", r.cvTestScore());
        m.put("tvs test AUC", r.tvsTestScore());
        return m;
    }

    private static Map<String, Object> drift(SparkSession spark) {
        Dataset<Row> reference = ChurnData.generate(spark, ChurnSpec.rows(3_000).withSeed(11));
        Dataset<Row> current = ChurnData.generate(spark, ChurnSpec.rows(2_000).withSeed(12))
                .withColumn(ChurnData.CHARGES, functions.col(ChurnData.CHARGES).multiply(1.15));
        DriftResult r = SparkDrift.defaults().compare(reference.drop(ChurnData.ID), current.drop(ChurnData.ID), List.of(),
                List.of(ChurnData.PLAN, ChurnData.REGION), null, "reference", "current");
        Map<String, Object> m = new LinkedHashMap<>();
        for (ColumnDrift c : r.columns()) {
            m.put(c.name(), List.of(c.type(), c.pValue(), c.psi(), c.jensenShannon(), c.totalVariation(), c.effectSize()));
        }
        m.put("verdict", r.verdict().toString());
        return m;
    }

    /** The model is fitted and registered once (local mode); both modes score it through the registry. */
    private static Map<String, Object> batch(SparkSession spark, boolean registerModel) throws Exception {
        Dataset<Row> table = ChurnData.generate(spark, ChurnSpec.rows(2_000).withSeed(21)).na().drop();
        Registry registry = Registry.connect(server.uri());
        if (registerModel) {
            PipelineModel model = ChurnPipelines.studyGuide(10, 5, 42L).fit(table);
            try (MlflowClient mlflow = new MlflowClient(server.uri().toString())) {
                String run = mlflow.createRun(mlflow.createExperiment("standalone-it")).getRunId();
                Dataset<Row> inputs = table.drop(ChurnData.ID, ChurnData.LABEL);
                ModelSignature signature = ModelSignature.infer(inputs, model.transform(inputs).select("prediction"));
                registry.createModel(MODEL, "churn, scored on both masters");
                registry.createVersion(MODEL, registry.logSparkModel(run, "model", model, signature, inputs.limit(5)), run);
                registry.setAlias(MODEL, "champion", 1);
            }
        }
        BatchScore scored = new BatchScorer(registry, dir.resolve("cache-" + spark.sparkContext().master().replaceAll("\\W", "_")))
                .score("models:/" + MODEL + "@champion", table);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", scored.version());
        // one partition in, one out, in the same order: rows line up without a key (the scorer keeps
        // the signature's input columns only, so the id is gone)
        List<Row> rows = scored.predictions().select("prediction", "probability").collectAsList();
        m.put("rows", rows.size());
        List<Double> predictions = new ArrayList<>();
        List<String> probabilities = new ArrayList<>();
        for (Row row : rows) {
            predictions.add(row.getDouble(0));
            probabilities.add(row.get(1).toString());
        }
        m.put("predictions", predictions);
        m.put("probabilities", probabilities);
        m.put("positives", predictions.stream().filter(p -> p == 1.0).count());

        // the scored table as a Delta table on a path given by URI (file: here; s3a:, abfss:, gs:
        // on a real cluster), written by the executors, read back with its log
        String uri = dir.resolve("scored-" + spark.sparkContext().master().replaceAll("\\W", "_")).toUri().toString();
        DeltaSupport.require(spark);
        scored.predictions().select("prediction").write().format("delta").mode("overwrite").save(uri);
        scored.predictions().select("prediction").limit(10).write().format("delta").mode("append").save(uri);
        m.put("delta table rows", spark.read().format("delta").load(uri).count());
        m.put("delta table versions", io.delta.tables.DeltaTable.forPath(spark, uri).history().count());
        m.put("delta table positives", spark.read().format("delta").load(uri).filter("prediction = 1.0").count());
        return m;
    }

    /** The project's own jars, built by {@code package}: what an application ships to executors. */
    private static List<Path> projectJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String module : List.of("sandbox-core", "sandbox-examples")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
                jars.add(files.filter(p -> p.getFileName().toString().matches(module + "-[^-]+(-SNAPSHOT)?\\.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no " + module + " jar: run ./mvnw package first")));
            }
        }
        return jars;
    }

    /** Every third-party jar the examples need at run time: the cluster's "Spark installation". */
    private static List<Path> distribution(List<Path> projectJars) throws IOException {
        String classpath = Files.readString(ROOT.resolve("sandbox-examples/target/runtime-classpath.txt")).trim();
        List<Path> jars = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (p.toString().endsWith(".jar") && !p.startsWith(ROOT) && Files.isRegularFile(p)) {
                jars.add(p);
            }
        }
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("spark-core_")), "no Spark in " + jars);
        assertTrue(projectJars.stream().noneMatch(jars::contains));
        return jars;
    }
}
