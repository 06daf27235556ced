package dev.mlsandbox.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.pipeline.ChurnPipelines;
import dev.mlsandbox.pipeline.lab.PipelineLab;
import dev.mlsandbox.pipeline.lab.PipelineLabOptions;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.serving.InputFrame;
import dev.mlsandbox.serving.batch.ScoringThroughput;
import dev.mlsandbox.serving.batch.SparkFrames;
import dev.mlsandbox.serving.protocol.ScoringRequest;
import dev.mlsandbox.serving.protocol.ServingModel;
import dev.mlsandbox.serving.scorer.CompiledScorer;
import dev.mlsandbox.serving.scorer.RowScorers;
import dev.mlsandbox.serving.scorer.Scorers;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.spark.SessionSettings;
import dev.mlsandbox.spark.SparkSessions;

/**
 * The row scorer against Spark in one JVM, on the pipeline lab's two pipelines (the 3-stage
 * random forest and the 5-stage logistic regression, fitted on the lab's default 5,000 rows):
 * <ol>
 *   <li>single-record scoring in process: the compiled scorer's p50/p99 over 200,000 calls against
 *       {@code PipelineModel.transform} on a one-row DataFrame (create, transform, collect: what a
 *       Spark-flavour model does per request), and the ratio of the two p50s;</li>
 *   <li>one request of 1,000 records through parse + enforce + score ({@code dataframe_split}
 *       JSON to {@code {"predictions": [...]}}), in records per second, with the share of each step;</li>
 *   <li>batch against real time: the same model over a table as a Spark job and through the row
 *       scorer (per record and per table), in rows per second.</li>
 * </ol>
 * Goals (issue 17): single-record p50 at most 50 us, at least 1,000x faster than Spark's one-row
 * transform; at least 200,000 records/s for one 1,000-record request.
 *
 * <pre>bench/run Scoring [BATCH_ROWS]</pre>
 */
public final class ScoringBenchmark {

    static final int CALLS = 200_000;
    static final int SPARK_CALLS = 40;
    static final int REQUEST_ROWS = 1_000;

    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batchRows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SparkSession spark = SparkSessions.getOrCreate(SessionSettings.local().withMaster("local[2]")
                .withAppName("scoring-benchmark"));
        Dataset<Row> data = ChurnData.generate(spark, ChurnSpec.defaults()).cache();
        Dataset<Row> inputs = data.drop(ChurnData.ID, ChurnData.LABEL);
        Map<String, PipelineModel> models = new LinkedHashMap<>();
        models.put("3-stage RF (StringIndexer, VectorAssembler, RF 20 trees)",
                PipelineLab.studyGuidePipeline(PipelineLabOptions.defaults()).fit(data));
        models.put("5-stage LR (indexers, encoders, assembler, scaler, LR)",
                ChurnPipelines.featureEngineering().fit(data));
        InputFrame rows = SparkFrames.collect(inputs.limit(REQUEST_ROWS));
        List<Row> sparkRows = inputs.limit(SPARK_CALLS + 5).collectAsList();
        System.out.printf(Locale.ROOT, "Scoring benchmark: %d cores, %s, heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        for (Map.Entry<String, PipelineModel> e : models.entrySet()) {
            PipelineModel model = e.getValue();
            CompiledScorer scorer = RowScorers.compile(model).scorer().orElseThrow();
            System.out.printf(Locale.ROOT, "%n== %s%n", e.getKey());

            long[] compiled = singleRecord(scorer, rows);
            long[] sparkOneRow = sparkOneRow(spark, model, inputs, sparkRows);
            double p50 = percentile(compiled, 50) / 1e3;
            double sparkP50 = percentile(sparkOneRow, 50) / 1e6;
            System.out.printf(Locale.ROOT, "  single record, compiled   p50 %7.2f us  p99 %7.2f us  mean %7.2f us  (%d calls; goal p50 <= 50 us)%n",
                    p50, percentile(compiled, 99) / 1e3, mean(compiled) / 1e3, CALLS);
            System.out.printf(Locale.ROOT, "  single record, Spark      p50 %7.1f ms  p99 %7.1f ms  (%d one-row transforms)%n",
                    sparkP50, percentile(sparkOneRow, 99) / 1e6, SPARK_CALLS);
            System.out.printf(Locale.ROOT, "  ratio Spark/compiled      %,.0fx  (goal >= 1,000x)%n", sparkP50 * 1e3 / p50);

            request(model, spark, inputs, rows);
        }

        System.out.printf(Locale.ROOT, "%n== batch vs real time, %,d rows%n", batchRows);
        Dataset<Row> table = ChurnData.generate(spark, ChurnSpec.rows(batchRows).withSeed(7)).drop(ChurnData.ID, ChurnData.LABEL);
        for (Map.Entry<String, PipelineModel> e : models.entrySet()) {
            ScoringThroughput t = ScoringThroughput.measure(e.getValue(), table);
            System.out.printf(Locale.ROOT, "  %-56s Spark batch %,10.0f rows/s | row scorer per record %,10.0f rows/s,"
                    + " per table %,10.0f rows/s%n", e.getKey(), t.sparkBatchRowsPerSecond(), t.perRecordRowsPerSecond(),
                    t.wholeTableRowsPerSecond());
        }
        spark.stop();
    }

    /** Nanoseconds per call, after an untimed warm-up of as many calls; records cycle through the frame. */
    static long[] singleRecord(CompiledScorer scorer, InputFrame rows) {
        List<InputFrame> records = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            records.add(InputFrame.of(rows.columns(), rows.types(), rows.row(r)));
        }
        long sink = 0;
        for (int i = 0; i < CALLS; i++) {
            sink += scorer.score(records.get(i % records.size())).size();
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t0 = System.nanoTime();
            sink += scorer.score(records.get(i % records.size())).size();
            nanos[i] = System.nanoTime() - t0;
        }
        if (sink != 2L * CALLS) {
            throw new IllegalStateException("every call scores one row; got " + sink);
        }
        return nanos;
    }

    /** {@code createDataFrame} of one row, {@code transform}, collect the prediction: per call, after 5 warm-ups. */
    static long[] sparkOneRow(SparkSession spark, PipelineModel model, Dataset<Row> inputs, List<Row> rows) {
        long[] nanos = new long[SPARK_CALLS];
        for (int i = 0; i < SPARK_CALLS + 5; i++) {
            long t0 = System.nanoTime();
            List<Row> out = model.transform(spark.createDataFrame(List.of(rows.get(i)), inputs.schema()))
                    .select("prediction").collectAsList();
            long t = System.nanoTime() - t0;
            if (out.size() != 1) {
                throw new IllegalStateException("one row in, " + out.size() + " out");
            }
            if (i >= 5) {
                nanos[i - 5] = t;
            }
        }
        return nanos;
    }

    /** One 1,000-record dataframe_split request, parse + enforce + score, median of 1,000 after 1,000 warm-ups. */
    static void request(PipelineModel model, SparkSession spark, Dataset<Row> inputs, InputFrame rows) throws Exception {
        ModelSignature signature = ModelSignature.infer(inputs, model.transform(inputs.limit(10)).select("prediction"));
        ServingModel serving = ServingModel.of(Scorers.of(model, spark), signature);
        List<List<Object>> data = new ArrayList<>();
        for (Object[] r : rows.rows()) {
            data.add(Arrays.asList(r));
        }
        String body = Json.mapper().writeValueAsString(Map.of("dataframe_split", Map.of("columns", rows.columns(), "data", data)));
        String json = "application/json";
        int warm = 1_000;
        int runs = 1_000;
        long[] total = new long[runs];
        long[] parse = new long[runs];
        long[] enforce = new long[runs];
        long[] score = new long[runs];
        for (int i = 0; i < warm + runs; i++) {
            long t0 = System.nanoTime();
            ScoringRequest request = serving.parse(body, json);
            long t1 = System.nanoTime();
            InputFrame enforced = serving.enforce(request);
            long t2 = System.nanoTime();
            List<Object> predictions = serving.predict(enforced);
            String answer = ServingModel.responseBody(predictions);
            long t3 = System.nanoTime();
            if (predictions.size() != REQUEST_ROWS || answer.isEmpty()) {
                throw new IllegalStateException(predictions.size() + " predictions for " + REQUEST_ROWS + " records");
            }
            if (i >= warm) {
                int k = i - warm;
                total[k] = t3 - t0;
                parse[k] = t1 - t0;
                enforce[k] = t2 - t1;
                score[k] = t3 - t2;
            }
        }
        double median = percentile(total, 50) / 1e9;
        double fastest = percentile(total, 0) / 1e9;
        System.out.printf(Locale.ROOT, "  1,000-record request      median %6.2f ms = %,.0f records/s, fastest %6.2f ms = %,.0f records/s"
                + "  (goal >= 200,000; body %,d bytes)%n", median * 1e3, REQUEST_ROWS / median, fastest * 1e3,
                REQUEST_ROWS / fastest, body.length());
        System.out.printf(Locale.ROOT, "    parse %5.2f ms, enforce %5.2f ms, score + answer %5.2f ms (medians)%n",
                percentile(parse, 50) / 1e6, percentile(enforce, 50) / 1e6, percentile(score, 50) / 1e6);
        String one = Json.mapper().writeValueAsString(Map.of("dataframe_split", Map.of("columns", rows.columns(),
                "data", List.of(data.get(0)))));
        long[] single = new long[20_000];
        for (int i = 0; i < 40_000; i++) {
            long t0 = System.nanoTime();
            serving.invoke(one, json);
            if (i >= 20_000) {
                single[i - 20_000] = System.nanoTime() - t0;
            }
        }
        System.out.printf(Locale.ROOT, "  single-record request (JSON in, JSON out)  p50 %6.2f us  p99 %6.2f us%n",
                percentile(single, 50) / 1e3, percentile(single, 99) / 1e3);
    }

    static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
