package dev.mlsandbox.cicd;

import java.util.Locale;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.bundle.run.SandboxTask;
import dev.mlsandbox.bundle.run.TaskContext;
import dev.mlsandbox.registry.ChampionChallenger;
import dev.mlsandbox.registry.ChampionChallenger.Gate;
import dev.mlsandbox.registry.ChampionChallenger.Promotion;
import dev.mlsandbox.registry.Registry;
import dev.mlsandbox.registry.RegistryException;

/**
 * The promotion gate of a bundle's job: scores {@code @challenger} and {@code @champion} on the
 * same held-out rows and moves {@code @champion} to the challenger only if its metric is at least
 * the champion's plus {@code min_improvement} (the first challenger, with no champion yet, passes).
 * A refused challenger fails the task with the gate's reason, which fails the job (the CLI's
 * {@code TERMINATED FAILED}, exit code 1 in CI) and leaves {@code @champion} where it was:
 * batch jobs and endpoints that load {@code models:/<name>@champion} keep the incumbent.
 * <pre>
 * - task_key: gate
 *   depends_on: [{task_key: train}]
 *   spark_jar_task:
 *     main_class_name: dev.mlsandbox.cicd.PromotionGate
 *     parameters: ["model=${resources.registered_models.model.id}", "min_improvement=0.0"]
 * </pre>
 * Parameters: {@code model} (required); {@code metric} ({@code areaUnderROC}, default, or
 * {@code areaUnderPR}); {@code min_improvement} (default 0); {@code rows} (held-out rows, default
 * 2000, at least 100) and {@code seed} (default 1001): rows drawn from the same distribution with a
 * seed the training task must not use, so they took no part in training. Task values:
 * {@code passed}, {@code challenger}, {@code champion_before}, {@code champion_after},
 * {@code challenger_metric}, {@code champion_metric}, {@code reason}; a refused gate sets them too
 * (the run's record keeps them).
 */
public final class PromotionGate implements SandboxTask {

    static final Set<String> PARAMETERS = Set.of("model", "metric", "min_improvement", "rows", "seed");

    /** The gate refused the challenger; the message is the gate's reason. */
    public static final class Refused extends IllegalStateException {
        public Refused(String reason) {
            super(reason);
        }
    }

    @Override
    public void run(TaskContext context) {
        TaskArguments args = new TaskArguments("PromotionGate", context.namedParameters(0), PARAMETERS);
        String model = args.required("model");
        Gate gate = new Gate(args.string("metric", "areaUnderROC"), args.nonNegative("min_improvement", 0.0));
        int rows = args.positiveInt("rows", 2000, 100);
        long seed = args.longValue("seed", 1001);
        args.done();

        try (Registry registry = Servers.registry(context.server())) {
            ChampionChallenger cc = new ChampionChallenger(registry, model, ChurnModels.LABEL,
                    context.outputDirectory().resolve("models"));
            requireChallenger(registry, model);
            Dataset<Row> heldOut = ChurnModels.rows(context.spark(), rows, seed).cache();
            Promotion p;
            try {
                p = cc.promote(heldOut, gate);
            } finally {
                heldOut.unpersist();
            }
            context.setValue("passed", p.passed());
            context.setValue("challenger", p.challenger());
            context.setValue("champion_before", p.championBefore() == null ? "" : p.championBefore().toString());
            context.setValue("champion_after", p.championAfter());
            context.setValue("challenger_metric", String.format(Locale.ROOT, "%.4f", p.heldOutMetric()));
            context.setValue("champion_metric", Double.isNaN(p.championMetric()) ? ""
                    : String.format(Locale.ROOT, "%.4f", p.championMetric()));
            context.setValue("reason", p.reason());
            if (!p.passed()) {
                throw new Refused(model + ": " + p.reason());
            }
        }
    }

    private static void requireChallenger(Registry registry, String model) {
        try {
            registry.versionByAlias(model, ChampionChallenger.CHALLENGER);
        } catch (RegistryException e) {
            if (e.status() == 404) {
                throw new IllegalStateException("PromotionGate: " + model + " has no @" + ChampionChallenger.CHALLENGER
                        + " (" + e.getMessage() + "); a training task registers one (dev.mlsandbox.cicd.TrainChallenger)"
                        + " before the gate runs");
            }
            throw e;
        }
    }
}
