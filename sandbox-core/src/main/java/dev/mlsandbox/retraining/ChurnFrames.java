package dev.mlsandbox.retraining;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import dev.mlsandbox.drift.lab.ChurnStream;

/** Windows as Spark DataFrames: the model's input columns and the label as it landed. */
public final class ChurnFrames {

    public static final String LABEL = "label";
    /** The models' input columns, as a serving request sends them. */
    public static final StructType INPUTS = new StructType().add("tenure", DataTypes.DoubleType)
            .add("charges", DataTypes.DoubleType).add("device_age", DataTypes.DoubleType).add("plan", DataTypes.StringType);
    public static final StructType SCHEMA = INPUTS.add(LABEL, DataTypes.DoubleType);

    /** The SQL that turns plan into the two 0/1 feature columns ("plus" is the baseline level). */
    static final String PLAN_COLUMNS = "CASE WHEN plan = 'basic' THEN 1.0D ELSE 0.0D END AS plan_basic, "
            + "CASE WHEN plan = 'pro' THEN 1.0D ELSE 0.0D END AS plan_pro";

    private ChurnFrames() {
    }

    /** The rows of the windows with their landed labels, in one partition (a few thousand rows run fastest so). */
    public static Dataset<Row> labelled(SparkSession spark, List<StreamWindow> windows) {
        List<Row> rows = new ArrayList<>();
        for (StreamWindow sw : windows) {
            ChurnStream.Window w = sw.observed();
            for (int k = 0; k < w.size(); k++) {
                rows.add(RowFactory.create(w.tenure()[k], w.charges()[k], w.deviceAge()[k], w.plan()[k],
                        (double) w.label()[k]));
            }
        }
        return spark.createDataFrame(rows, SCHEMA).coalesce(1);
    }

    /** The first {@code n} rows of a window without labels: a model's input example. */
    public static Dataset<Row> inputs(SparkSession spark, StreamWindow window, int n) {
        ChurnStream.Window w = window.observed();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < Math.min(n, w.size()); k++) {
            rows.add(RowFactory.create(w.tenure()[k], w.charges()[k], w.deviceAge()[k], w.plan()[k]));
        }
        return spark.createDataFrame(rows, INPUTS);
    }
}
