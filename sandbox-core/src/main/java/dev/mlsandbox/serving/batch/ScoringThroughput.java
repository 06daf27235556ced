package dev.mlsandbox.serving.batch;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.serving.InputFrame;
import dev.mlsandbox.serving.scorer.CompileResult;
import dev.mlsandbox.serving.scorer.CompiledScorer;
import dev.mlsandbox.serving.scorer.RowScorers;

/**
 * The same model scoring the same table three ways, in rows per second: Spark's batch
 * {@code transform} (the whole table in one job, written to Spark's no-op sink so every row is
 * computed and nothing is collected), the row scorer called once per record (what an endpoint
 * does per request), and the row scorer given the whole table at once.
 *
 * @param rows                 rows scored
 * @param sparkBatchSeconds    wall time of the Spark job
 * @param perRecordSeconds     wall time of the per-record loop
 * @param wholeTableSeconds    wall time of one call with every row
 */
public record ScoringThroughput(int rows, double sparkBatchSeconds, double perRecordSeconds, double wholeTableSeconds) {

    public double sparkBatchRowsPerSecond() {
        return rows / sparkBatchSeconds;
    }

    public double perRecordRowsPerSecond() {
        return rows / perRecordSeconds;
    }

    public double wholeTableRowsPerSecond() {
        return rows / wholeTableSeconds;
    }

    /**
     * Measures a model that compiles on a table of its input columns. Each way runs once untimed
     * first (Spark's code generation, the JIT), then once timed.
     */
    public static ScoringThroughput measure(PipelineModel model, Dataset<Row> table) {
        CompileResult compiled = RowScorers.compile(model);
        CompiledScorer scorer = compiled.scorer().orElseThrow(() -> new IllegalArgumentException(
                "the model does not compile: " + compiled.report().summary()));
        Dataset<Row> cached = table.cache();
        InputFrame all = SparkFrames.collect(cached);
        List<InputFrame> records = new ArrayList<>(all.size());
        for (int r = 0; r < all.size(); r++) {
            records.add(InputFrame.of(all.columns(), all.types(), all.row(r)));
        }
        double spark = 0;
        double perRecord = 0;
        double whole = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            model.transform(cached).write().format("noop").mode("overwrite").save();
            long t1 = System.nanoTime();
            long kept = 0;
            for (InputFrame record : records) {
                kept += scorer.score(record).size();
            }
            long t2 = System.nanoTime();
            kept += scorer.score(all).size();
            long t3 = System.nanoTime();
            if (kept < 0) {
                throw new IllegalStateException("unreachable: keeps the loop's work observable");
            }
            spark = (t1 - t0) / 1e9;
            perRecord = (t2 - t1) / 1e9;
            whole = (t3 - t2) / 1e9;
        }
        cached.unpersist();
        return new ScoringThroughput(all.size(), spark, perRecord, whole);
    }
}
