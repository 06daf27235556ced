package dev.mlsandbox.serving.scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import dev.mlsandbox.serving.InputFrame;

/**
 * Scores with the pipeline's own {@code PipelineModel.transform} on a DataFrame of the request's
 * rows: what an MLflow Spark model does behind an endpoint, and what the sandbox does for a model
 * with a stage the row scorer cannot compile. Tens of milliseconds per request at best (a Spark
 * job per call), but any stage works.
 */
public final class SparkFallbackScorer implements Scorer {

    /** The column that carries each row's request position through transform (skip stages drop rows). */
    static final String ROW_ID = "__mlsandbox_row";

    private final PipelineModel model;
    private final SparkSession spark;
    private final String predictionColumn;

    public SparkFallbackScorer(PipelineModel model, SparkSession spark) {
        this.model = model;
        this.spark = spark;
        this.predictionColumn = lastPredictionColumn(model);
    }

    /** The model saved in {@code dir}, loaded with Spark. */
    public static SparkFallbackScorer load(java.nio.file.Path dir, SparkSession spark) {
        return new SparkFallbackScorer(PipelineModel.load(dir.toAbsolutePath().toString()), spark);
    }

    private static String lastPredictionColumn(PipelineModel model) {
        String column = "";
        for (Transformer stage : model.stages()) {
            if (stage.hasParam("predictionCol") && stage.hasParam("featuresCol")) {
                String c = String.valueOf(stage.getOrDefault(stage.getParam("predictionCol")));
                if (!c.isEmpty()) {
                    column = c;
                }
            }
        }
        return column;
    }

    public PipelineModel model() {
        return model;
    }

    /** Unknown without a request: Spark reads whatever columns the stages name. */
    @Override
    public List<String> inputColumns() {
        return List.of();
    }

    /** Unknown without a request's schema; {@link ScoredRows#columns} has them. */
    @Override
    public List<String> outputColumns() {
        return List.of();
    }

    @Override
    public String predictionColumn() {
        return predictionColumn;
    }

    @Override
    public String engine() {
        return "spark";
    }

    @Override
    public ScoredRows score(InputFrame frame) {
        StructType schema = new StructType().add(ROW_ID, DataTypes.LongType, false);
        for (int c = 0; c < frame.columns().size(); c++) {
            schema = schema.add(frame.columns().get(c), frame.types().get(c).sparkType(), true);
        }
        List<Row> rows = new ArrayList<>(frame.size());
        for (int r = 0; r < frame.size(); r++) {
            Object[] values = new Object[frame.columns().size() + 1];
            values[0] = (long) r;
            Object[] row = frame.row(r);
            for (int c = 0; c < row.length; c++) {
                values[c + 1] = row[c] instanceof java.time.Instant i ? java.sql.Timestamp.from(i) : row[c];
            }
            rows.add(RowFactory.create(values));
        }
        Dataset<Row> input = spark.createDataFrame(rows, schema);
        List<Row> out;
        List<String> added;
        try {
            Dataset<Row> transformed = model.transform(input);
            List<String> before = Arrays.asList(input.columns());
            added = Arrays.stream(transformed.columns()).filter(c -> !before.contains(c)).toList();
            List<Column> select = new ArrayList<>();
            select.add(functions.col(ROW_ID));
            added.forEach(c -> select.add(functions.col(c)));
            out = transformed.select(select.toArray(Column[]::new)).collectAsList();
        } catch (Exception e) { // Spark throws checked SparkExceptions undeclared
            throw new ScoringFailure(rootMessage(e), e);
        }
        List<Object[]> values = new ArrayList<>(out.size());
        int[] source = new int[out.size()];
        for (int r = 0; r < out.size(); r++) {
            Row row = out.get(r);
            source[r] = (int) row.getLong(0);
            Object[] v = new Object[added.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = value(row.get(c + 1));
            }
            values.add(v);
        }
        return new ScoredRows(added, values, source, predictionColumn);
    }

    private static Object value(Object v) {
        if (v instanceof SparseVector s) {
            return VectorValue.sparse(s.size(), s.indices().clone(), s.values().clone());
        }
        if (v instanceof DenseVector d) {
            return VectorValue.dense(d.values().clone());
        }
        return v;
    }

    /** The innermost message: Spark wraps a UDF's own error in several layers of job failure. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
