package dev.mlsandbox.registry.lab;

import dev.mlsandbox.lab.TempDirectories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.mlflow.tracking.MlflowClient;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.MlflowRun;
import dev.mlsandbox.registry.ChampionChallenger;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.RegistryException;
import dev.mlsandbox.registry.lab.RegistryLabResult.Gate;
import dev.mlsandbox.registry.lab.RegistryLabResult.SignatureCheck;
import dev.mlsandbox.registry.lab.RegistryLabResult.Step;
import dev.mlsandbox.registry.model.LoadedModel;
import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.registry.model.SparkModelFlavor;
import dev.mlsandbox.registry.server.AuthConfig;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.registry.server.RegistryServer;
import dev.mlsandbox.registry.signature.EnforcementResult;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.registry.signature.SchemaEnforcement;
import dev.mlsandbox.registry.signature.SignatureCases;
import dev.mlsandbox.tracking.TrackingServer;

/**
 * Runs the registry story end to end on an embedded server with authentication on: train two
 * pipelines, log them as MLflow models, register under a Unity Catalog name, walk the rules and
 * aliases, check the eight signature cases against the registered model, grant and revoke, then
 * promote (gate passes), promote again (gate stops it) and roll back.
 */
public final class RegistryLab implements Lab<RegistryLabResult> {

    public static final String NAME = "registry";
    /** The catalog entry: {@code bin/sandbox lab registry}, the tour, {@code sandbox.registryLab()}. */
    public static final LabDescriptor<RegistryLabOptions, RegistryLabResult> DESCRIPTOR = LabDescriptor.of(NAME,
                    "Model registry, Unity Catalog way: versions, aliases, signature enforcement, GRANTs, "
                            + "champion/challenger promotion and rollback",
                    RegistryLabOptions::defaults, RegistryLabOptions::fromParameters, RegistryLab::new)
            .withCost("The default run trains two pipelines on 2,000 rows, logs three MLflow models and walks the "
                    + "registry on an embedded server: about 20 s on two cores.")
            .withRowsParameter("rows");

    private final RegistryLabOptions options;

    public RegistryLab(RegistryLabOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public RegistryLab() {
        this(RegistryLabOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    public RegistryLabOptions options() {
        return options;
    }

    /** Logs the run when tracking is on (the takeaways as metrics, the report); see LabContext#logged. */
    @Override
    public RegistryLabResult run(LabContext context) {
        return context.logged(NAME, options, run -> run(context, run.mlflowRun().orElse(null)));
    }

    private RegistryLabResult run(LabContext context, MlflowRun mlflowRun) {
        var clock = context.startClock();
        var progress = context.progress();
        progress.begin("registry", 8);
        String model = options.model();
        String label = LabModels.LABEL;
        Dataset<Row> data = LabModels.features(context.spark(), options.rows(), options.seed());
        // The held-out rows take no part in training: split once, before any fitting.
        Dataset<Row>[] split = data.randomSplit(new double[]{0.7, 0.3}, options.seed());
        Dataset<Row> train = split[0].cache();
        Dataset<Row> heldOut = split[1].cache();
        StringIndexerModel indexers = LabModels.indexers(train);
        PipelineModel weak = LabModels.weak(train, indexers);
        PipelineModel strong = LabModels.strong(train, indexers);
        Map<String, Double> trainAuc = new LinkedHashMap<>();
        BinaryClassificationEvaluator auc = new BinaryClassificationEvaluator().setLabelCol(label);
        trainAuc.put("weak (plan, region)", auc.evaluate(weak.transform(train)));
        trainAuc.put("strong (all features)", auc.evaluate(strong.transform(train)));
        progress.advance("trained two pipelines");

        Path dir = tempDir();
        AuthConfig auth = AuthConfig.builder("admin", "admin-pw").user("alice", "alice-pw").user("bob", "bob-pw")
                .group("ml-team", "alice").group("data-scientists", "bob").build();
        TrackingServer.Builder builder = TrackingServer.builder().port(0).storeIn(dir);
        RegistryServer.install(builder, RegistryOptions.unityCatalog(TrackingServer.artifactsIn(dir)).withAuth(auth));
        try (TrackingServer server = builder.build().start();
                MlflowClient tracking = new MlflowClient(server.uri().toString())) {
            Registry admin = Registry.connect(server.uri(), "admin", "admin-pw");
            Registry alice = Registry.connect(server.uri(), "alice", "alice-pw");
            Registry bob = Registry.connect(server.uri(), "bob", "bob-pw");
            GovernanceWalk walk = new GovernanceWalk(admin, alice, bob, model);
            walk.setup();

            String experiment = tracking.createExperiment("registry-lab");
            String runWeak = tracking.createRun(experiment).getRunId();
            String runStrong = tracking.createRun(experiment).getRunId();
            tracking.logMetric(runWeak, "train_auc", trainAuc.get("weak (plan, region)"));
            tracking.logMetric(runStrong, "train_auc", trainAuc.get("strong (all features)"));
            Dataset<Row> inputs = train.drop(label);
            String weakSource = alice.logSparkModel(runWeak, "model", weak, signature(weak, inputs), inputs.limit(5));
            String strongSource = alice.logSparkModel(runStrong, "model", strong, signature(strong, inputs), inputs.limit(5));
            String unsignedSource = alice.logModelDirectory(runWeak, "model-unsigned", unsigned(strong, dir));
            progress.advance("logged three MLflow models");

            List<Step> steps = new ArrayList<>();
            alice.createModel(model, "Churn classifier (registry lab)");
            steps.add(new Step("alice creates registered model " + model, true, "owner: alice"));
            steps.add(attempt("register " + unsignedSource + " (no signature)", () -> alice.createVersion(model,
                    unsignedSource, runWeak).version()));
            ChampionChallenger cc = new ChampionChallenger(alice, model, label, dir.resolve("cache"));
            long v1 = cc.registerChallenger(weakSource, runWeak).version();
            ChampionChallenger.Promotion first = cc.promote(heldOut, ChampionChallenger.Gate.auc(options.minImprovement()));
            steps.add(new Step("register v" + v1 + " (weak) and promote it", true, first.reason()));
            steps.add(attempt("set alias @latest on v" + v1, () -> {
                alice.setAlias(model, "latest", v1);
                return v1;
            }));
            steps.add(attempt("transition v" + v1 + " to stage Production", () -> alice.transitionStage(model, v1,
                    "Production").version()));
            progress.advance("registered v1");

            List<RegistryLabResult.GovernanceStep> governance = walk.run();
            progress.advance("grants");

            long v2 = cc.registerChallenger(strongSource, runStrong).version();
            steps.add(new Step("register v" + v2 + " (strong) as @challenger", true, "v" + v2 + " lists aliases "
                    + alice.version(model, v2).aliases()));
            LoadedModel challenger = cc.load(alice.versionByAlias(model, ChampionChallenger.CHALLENGER).version());
            List<SignatureCheck> checks = signatureChecks(challenger, heldOut.drop(label).limit(50));
            SignatureCheck outputCheck = outputCheck(challenger, heldOut.drop(label).limit(50));
            progress.advance("signature cases");

            ChampionChallenger.Gate gate = ChampionChallenger.Gate.auc(options.minImprovement());
            ChampionChallenger.Promotion passed = cc.promote(heldOut, gate);
            progress.advance("promotion");
            long v3 = cc.registerChallenger(weakSource, runWeak).version();
            ChampionChallenger.Promotion stopped = cc.promote(heldOut, gate);
            steps.add(new Step("register v" + v3 + " (weak again) as @challenger and try to promote", !stopped.passed(),
                    stopped.reason()));
            progress.advance("blocked promotion");
            ChampionChallenger.Rollback rollback = cc.rollback();
            steps.add(new Step("roll back @champion", true, "@champion: v" + rollback.from() + " -> v" + rollback.championAfter()));
            alice.deleteVersion(model, v3);
            steps.add(new Step("delete v" + v3, true, "its alias @challenger is gone; aliases now "
                    + alice.model(model).aliases()));
            steps.add(attempt("register one more version", () -> alice.createVersion(model, strongSource, runStrong).version()));
            progress.advance("rollback");
            progress.end();

            return new RegistryLabResult(options, model, server.uri().toString(),
                    challenger.mlmodel().signature().inputs().toJson(), challenger.mlmodel().signature().outputs().toJson(),
                    outputCheck, steps, checks, governance, gate(passed), gate(stopped),
                    rollback.from(), rollback.championAfter(), trainAuc, train.count(), passed.heldOutRows(),
                    clock.provenance(options, options.rows()), mlflowRun);
        } finally {
            train.unpersist();
            heldOut.unpersist();
            TempDirectories.deleteQuietly(dir);
        }
    }

    /**
     * The signature MLflow 2.15+ infers: the input columns, and both outputs a classifier's user
     * reads, {@code prediction} and the {@code probability} vector ({@code sparkml_vector}).
     */
    private static ModelSignature signature(PipelineModel model, Dataset<Row> inputs) {
        return ModelSignature.infer(inputs, model.transform(inputs.limit(20)).select(PREDICTION, PROBABILITY));
    }

    // Selected by name, never held in a static Column: the lab catalog loads this class for every
    // CLI command, and a static Column would start Spark's SQL machinery and its warnings there.
    private static final String PREDICTION = "prediction";
    private static final String PROBABILITY = "probability";

    /** The registered model's scored outputs checked against its signature's outputs. */
    private static SignatureCheck outputCheck(LoadedModel model, Dataset<Row> rows) {
        Dataset<Row> scored = model.score(rows).select(PREDICTION, PROBABILITY);
        EnforcementResult r = SchemaEnforcement.check(model.mlmodel().signature().outputs(), scored.schema());
        return new SignatureCheck("outputs", "prediction (double) and probability (vector) as the model returns them",
                r.accepted(), r.message(), r.accepted() ? scored.count() : 0);
    }

    /**
     * A model directory without a signature. No Spark save: the MLmodel file alone is what Unity
     * Catalog checks, so the directory holds just that.
     */
    private static Path unsigned(PipelineModel model, Path dir) {
        try {
            Path d = dir.resolve("unsigned");
            new MlmodelFile("model-unsigned", null, MlmodelFile.utcTime(java.time.Instant.now()), MlmodelFile.MLFLOW_VERSION,
                    java.util.UUID.randomUUID().toString().replace("-", ""), Map.of("spark", Map.of("model_data",
                    SparkModelFlavor.MODEL_DATA)), null, null).write(d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the unsigned model directory", e);
        }
    }

    private static Gate gate(ChampionChallenger.Promotion p) {
        return new Gate(p.championBefore(), p.challenger(), p.heldOutMetric(), p.championMetric(), p.passed(),
                p.championAfter(), p.reason());
    }

    /** Each case: build a request frame with the case's column types, check it, score it when accepted. */
    private static List<SignatureCheck> signatureChecks(LoadedModel model, Dataset<Row> base) {
        List<SignatureCheck> out = new ArrayList<>();
        List<String> present = List.of(base.columns());
        for (SignatureCases.Case c : SignatureCases.all()) {
            List<Column> cols = new ArrayList<>();
            c.provided().forEach((name, type) -> cols.add((present.contains(name) ? functions.col(name)
                    : functions.lit(1)).cast(type.sparkType()).as(name)));
            Dataset<Row> request = base.select(cols.toArray(Column[]::new));
            EnforcementResult r = SchemaEnforcement.check(model.mlmodel().signature().inputs(), request.schema());
            long scored = r.accepted() ? model.score(request).count() : 0;
            out.add(new SignatureCheck(c.name(), c.description(), r.accepted(), r.message(), scored));
        }
        return out;
    }

    /** A step that the server may refuse; the refusal is the lesson. */
    private static Step attempt(String action, java.util.function.Supplier<Long> call) {
        try {
            long v = call.get();
            return new Step(action, true, "accepted (version " + v + ")");
        } catch (RegistryException e) {
            return new Step(action, false, e.status() + " " + e.errorCode() + ": " + e.getMessage());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sandbox-registry-lab");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the lab's server", e);
        }
    }
}
