package dev.mlsandbox.registry;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.registry.model.LoadedModel;
import dev.mlsandbox.registry.RegistryEntities.ModelVersion;
import dev.mlsandbox.registry.signature.EnforcementResult;
import dev.mlsandbox.registry.signature.SchemaEnforcement;
import dev.mlsandbox.registry.signature.SchemaViolation;

/**
 * Champion/challenger promotion through aliases: register a challenger ({@code @challenger}),
 * evaluate champion and challenger on a held-out set that took no part in training or tuning,
 * move {@code @champion} only when the gate passes (remembering the old champion as
 * {@code @previous-champion}), and roll back by pointing {@code @champion} at that previous
 * version. No code is redeployed: consumers load {@code models:/<name>@champion}.
 */
public final class ChampionChallenger {

    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";
    public static final String PREVIOUS = "previous-champion";

    /**
     * The promotion rule: the challenger's metric on the held-out set must beat the champion's by
     * at least {@code minImprovement} (a binary-classification metric of Spark's evaluator,
     * {@code areaUnderROC} or {@code areaUnderPR}).
     */
    public record Gate(String metric, double minImprovement) {
        public Gate {
            if (!metric.equals("areaUnderROC") && !metric.equals("areaUnderPR")) {
                throw new IllegalArgumentException("gate metric '" + metric + "' is not supported: use areaUnderROC or areaUnderPR");
            }
        }

        public static Gate auc(double minImprovement) {
            return new Gate("areaUnderROC", minImprovement);
        }
    }

    /**
     * One promotion attempt.
     *
     * @param championBefore  the champion's version before, or null when there was none
     * @param challenger      the challenger's version
     * @param heldOutMetric   the challenger's metric on the held-out set
     * @param championMetric  the champion's metric on the same rows (NaN without a champion)
     * @param passed          whether the gate let the challenger through
     * @param championAfter   the champion's version afterwards
     * @param heldOutRows     how many rows were scored
     * @param reason          the gate's verdict in a sentence
     */
    public record Promotion(Long championBefore, long challenger, double heldOutMetric, double championMetric,
                            boolean passed, long championAfter, long heldOutRows, String reason) {
    }

    /** A rollback: which version was champion, and which is now. */
    public record Rollback(long from, long championAfter) {
    }

    private final Registry registry;
    private final String model;
    private final Path cacheDir;
    private final String label;
    /** Versions are immutable, so a loaded version never goes stale. */
    private final java.util.Map<Long, LoadedModel> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param registry the registry client
     * @param model    the registered model's name
     * @param label    the held-out set's label column (kept out of the signature check)
     * @param cacheDir where downloaded versions are kept
     */
    public ChampionChallenger(Registry registry, String model, String label, Path cacheDir) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.model = Objects.requireNonNull(model, "model");
        this.label = Objects.requireNonNull(label, "label");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    }

    /** Registers a new version from {@code source} and points {@code @challenger} at it. */
    public ModelVersion registerChallenger(String source, String runId) {
        ModelVersion v = registry.createVersion(model, source, runId);
        registry.setAlias(model, CHALLENGER, v.version());
        return registry.version(model, v.version());
    }

    /** Scores champion and challenger on the held-out rows and moves {@code @champion} if the gate passes. */
    public Promotion promote(Dataset<Row> heldOut, Gate gate) {
        ModelVersion challenger = registry.versionByAlias(model, CHALLENGER);
        Long before = currentChampion();
        long rows = heldOut.count();
        double challengerMetric = evaluate(challenger.version(), heldOut, gate);
        double championMetric = before == null ? Double.NaN : evaluate(before, heldOut, gate);
        boolean passed = before == null || challengerMetric >= championMetric + gate.minImprovement();
        String reason;
        if (before == null) {
            reason = "no champion yet: version " + challenger.version() + " becomes champion";
        } else if (passed) {
            reason = String.format(java.util.Locale.ROOT, "challenger v%d %s %.4f >= champion v%d %.4f + %.4f: promoted",
                    challenger.version(), gate.metric(), challengerMetric, before, championMetric, gate.minImprovement());
        } else {
            reason = String.format(java.util.Locale.ROOT, "challenger v%d %s %.4f < champion v%d %.4f + %.4f: gate stops it,"
                    + " champion stays", challenger.version(), gate.metric(), challengerMetric, before, championMetric,
                    gate.minImprovement());
        }
        long after = before == null ? challenger.version() : before;
        if (passed && (before == null || before != challenger.version())) {
            if (before != null) {
                registry.setAlias(model, PREVIOUS, before);
            }
            registry.setAlias(model, CHAMPION, challenger.version());
            after = challenger.version();
        }
        return new Promotion(before, challenger.version(), challengerMetric, championMetric, passed, after, rows, reason);
    }

    /** Points {@code @champion} back at {@code @previous-champion}; refuses when there is no previous one. */
    public Rollback rollback() {
        Long current = currentChampion();
        ModelVersion previous;
        try {
            previous = registry.versionByAlias(model, PREVIOUS);
        } catch (RegistryException e) {
            throw new RegistryRuleException("nothing to roll back to: " + model + " has no @" + PREVIOUS
                    + " (it is set when a promotion moves @" + CHAMPION + ")");
        }
        registry.setAlias(model, CHAMPION, previous.version());
        registry.deleteAlias(model, PREVIOUS);
        return new Rollback(current == null ? -1 : current, previous.version());
    }

    /** The version {@code @champion} points at, or null. */
    public Long currentChampion() {
        try {
            return registry.versionByAlias(model, CHAMPION).version();
        } catch (RegistryException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** A version of the model, downloaded and loaded once. */
    public LoadedModel load(long version) {
        return loaded.computeIfAbsent(version, v -> registry.load(ModelUri.version(model, v).toString(), cacheDir));
    }

    /** A version's metric on the held-out rows, after checking them against its signature. */
    public double evaluate(long version, Dataset<Row> heldOut, Gate gate) {
        LoadedModel loaded = load(version);
        if (loaded.mlmodel().signature() != null) {
            String[] features = Arrays.stream(heldOut.columns()).filter(c -> !c.equals(label)).toArray(String[]::new);
            EnforcementResult check = SchemaEnforcement.check(loaded.mlmodel().signature().inputs(),
                    heldOut.selectExpr(Arrays.stream(features).map(f -> "`" + f + "`").toArray(String[]::new)).schema());
            if (!check.accepted()) {
                throw new SchemaViolation("held-out rows do not fit version " + version + ": " + check.message());
            }
        }
        Dataset<Row> scored = loaded.pipeline().transform(heldOut);
        return new BinaryClassificationEvaluator().setLabelCol(label).setMetricName(gate.metric()).evaluate(scored);
    }
}
