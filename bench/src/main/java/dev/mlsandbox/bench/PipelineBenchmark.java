package dev.mlsandbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.pipeline.lab.PipelineLab;
import dev.mlsandbox.pipeline.lab.PipelineLabOptions;
import dev.mlsandbox.spark.ChurnData;

/**
 * The Pipeline lab's core path through the sandbox (Sandbox.local(), ChurnData, the lab's
 * study-guide pipeline, fit, transform, AUC) against {@link BarePipeline} doing the same work in
 * plain Spark, in one JVM. Each round starts and stops a fresh session on both sides; the order
 * alternates and a warm-up round is discarded, so JIT and class loading favour neither side.
 * Then, for scale, the whole lab ({@code sandbox.pipelineLab().run()}: two pipelines and every probe),
 * with its probes side by side (the default) and one after the other.
 *
 * <pre>bench/run Pipeline [ROWS] [ROUNDS]</pre>
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : PipelineLabOptions.DEFAULT_ROWS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        PipelineLabOptions options = PipelineLabOptions.defaults().withRows(rows);
        List<Double> sandbox = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            boolean sandboxFirst = round % 2 == 0;
            double a = sandboxFirst ? time(() -> sandboxCore(options)) : 0;
            double b = time(() -> BarePipeline.run(rows, options.seed(), options.numTrees(), options.maxDepth()));
            if (!sandboxFirst) {
                a = time(() -> sandboxCore(options));
            }
            System.err.printf(Locale.ROOT, "round %d%s: sandbox %.2f s, bare %.2f s%n", round, round == 0 ? " (warm-up)" : "", a, b);
            if (round > 0) {
                sandbox.add(a);
                bare.add(b);
            }
        }
        double full = time(() -> fullLab(options));
        double sequential = time(() -> fullLab(options.withConcurrentProbes(false)));
        double sandboxMedian = median(sandbox);
        double bareMedian = median(bare);
        System.out.printf(Locale.ROOT, "Pipeline benchmark: %d rows, %d rounds (+1 warm-up), %d cores%n", rows, rounds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  sandbox core path   median %.2f s  (min %.2f)%n", sandboxMedian, min(sandbox));
        System.out.printf(Locale.ROOT, "  bare Spark          median %.2f s  (min %.2f)%n", bareMedian, min(bare));
        System.out.printf(Locale.ROOT, "  ratio sandbox/bare  %.2f  (goal <= 1.5)%n", sandboxMedian / bareMedian);
        System.out.printf(Locale.ROOT, "  whole lab, probes side by side  %.2f s = %.2f x bare%n", full, full / bareMedian);
        System.out.printf(Locale.ROOT, "  whole lab, probes in sequence   %.2f s = %.2f x bare%n", sequential, sequential / bareMedian);
    }

    /** The whole lab (two pipelines and every probe) on a fresh session. */
    static void fullLab(PipelineLabOptions options) {
        try (Sandbox sandbox = Sandbox.local()) {
            sandbox.pipelineLab().run(options);
        }
    }

    /** What the lab does for the study-guide pipeline, through the sandbox's own entry points. */
    static double sandboxCore(PipelineLabOptions options) {
        try (Sandbox sandbox = Sandbox.local()) {
            Dataset<Row> churn = sandbox.churn(options.churnSpec()).cache();
            Dataset<Row>[] split = churn.randomSplit(new double[]{1 - options.testFraction(), options.testFraction()}, options.seed());
            PipelineModel model = PipelineLab.studyGuidePipeline(options).fit(split[0]);
            return new BinaryClassificationEvaluator().setLabelCol(ChurnData.LABEL).evaluate(model.transform(split[1]));
        }
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
