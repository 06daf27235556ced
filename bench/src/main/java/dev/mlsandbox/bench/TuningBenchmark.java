package dev.mlsandbox.bench;

import java.util.Arrays;

import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.Sandbox;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.InstrumentedTuning;
import dev.mlsandbox.tuning.TuningGrid;
import dev.mlsandbox.tuning.TuningSetup;

/**
 * The tuning lab's instrumentation cost: a plain CrossValidator fit (Spark's own estimator and
 * evaluator) against the lab's instrumented fit (counting estimator, recording evaluator, per-fold
 * pairing) of the same pipeline, grid, data, k, seed and parallelism, in one JVM. Rounds alternate
 * plain and instrumented so machine noise hits both alike; the ratio of the medians is printed,
 * goal <= 1.05. Both must produce the same avgMetrics, up to floating-point noise (checked).
 * Args: [rows=2000] [rounds=5] [folds=3] [parallelism=1].
 */
public final class TuningBenchmark {
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int folds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long seed = 42L;
        try (Sandbox sandbox = Sandbox.builder().appName("tuning-benchmark").build()) {
            Dataset<Row> data = sandbox.churn(ChurnSpec.rows(rows)).cache();
            data.count();
            TuningSetup setup = TuningSetup.churn(TuningGrid.defaults(), 10);
            System.out.printf("tuning benchmark: %d rows, k=%d, %d param maps, parallelism %d, %d rounds, master %s%n",
                    rows, folds, setup.paramMaps().length, parallelism, rounds, sandbox.master());

            // Warm-up, untimed: one of each.
            CrossValidatorModel reference = InstrumentedTuning.crossValidator(setup, folds, seed, parallelism).fit(data);
            CrossValidation check = InstrumentedTuning.crossValidate(data, setup, folds, seed, parallelism, false);
            // Same choices and metrics up to floating-point noise: Spark merges partial sums in task
            // completion order, so two identical fits can differ in the last bits.
            double maxDifference = 0;
            for (int i = 0; i < reference.avgMetrics().length; i++) {
                maxDifference = Math.max(maxDifference, Math.abs(reference.avgMetrics()[i] - check.model().avgMetrics()[i]));
            }
            System.out.printf("plain vs instrumented avgMetrics: max difference %.2e%n", maxDifference);
            if (maxDifference > 1e-6) {
                throw new IllegalStateException("instrumented avgMetrics differ from plain ones by " + maxDifference);
            }

            double[] plain = new double[rounds];
            double[] instrumented = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                // Alternate which goes first, so neither always runs on a cooler or warmer machine.
                if (r % 2 == 0) {
                    plain[r] = timePlain(setup, data, folds, seed, parallelism);
                    instrumented[r] = timeInstrumented(setup, data, folds, seed, parallelism);
                } else {
                    instrumented[r] = timeInstrumented(setup, data, folds, seed, parallelism);
                    plain[r] = timePlain(setup, data, folds, seed, parallelism);
                }
                System.out.printf("round %d: plain %.3f s, instrumented %.3f s%n", r + 1, plain[r], instrumented[r]);
            }
            double plainMedian = median(plain);
            double instrumentedMedian = median(instrumented);
            double ratio = instrumentedMedian / plainMedian;
            System.out.printf("plain CrossValidator.fit          median %.3f s  min %.3f s%n", plainMedian, Arrays.stream(plain).min().orElseThrow());
            System.out.printf("instrumented crossValidate        median %.3f s  min %.3f s%n", instrumentedMedian, Arrays.stream(instrumented).min().orElseThrow());
            System.out.printf("ratio instrumented / plain (medians): %.3f  (overhead %+.1f %%; goal <= +5 %%: %s)%n",
                    ratio, (ratio - 1) * 100, ratio <= 1.05 ? "met" : "not met");
            System.out.printf("fits counted per instrumented run: %d (k x |grid| + 1 = %d)%n", check.fits(), check.expectedFits());
        }
    }

    private static double timePlain(TuningSetup setup, Dataset<Row> data, int folds, long seed, int parallelism) {
        long start = System.nanoTime();
        InstrumentedTuning.crossValidator(setup, folds, seed, parallelism).fit(data);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double timeInstrumented(TuningSetup setup, Dataset<Row> data, int folds, long seed, int parallelism) {
        long start = System.nanoTime();
        InstrumentedTuning.crossValidate(data, setup, folds, seed, parallelism, false);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
