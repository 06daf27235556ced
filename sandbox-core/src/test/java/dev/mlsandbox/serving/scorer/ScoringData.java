package dev.mlsandbox.serving.scorer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.serving.InputFrame;
import dev.mlsandbox.spark.ChurnData;
import dev.mlsandbox.spark.ChurnSpec;
import dev.mlsandbox.testing.SharedSpark;

/**
 * Seeded churn rows with the dirt a scorer must handle like Spark: unseen plans and regions,
 * null plans, null tenures, null and NaN charges. Training rows are clean of unseen labels (a
 * StringIndexer learns what it sees) but keep the nulls and NaNs the imputers fit around.
 */
public final class ScoringData {

    public static final String SEGMENT = "segment";
    public static final List<String> COLUMNS = List.of(ChurnData.ID, ChurnData.PLAN, ChurnData.REGION, ChurnData.TENURE,
            ChurnData.CHARGES, ChurnData.CALLS, ChurnData.LABEL, SEGMENT);
    public static final List<ColumnType> TYPES = List.of(ColumnType.LONG, ColumnType.STRING, ColumnType.STRING,
            ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.DOUBLE);
    static final StructType SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField(ChurnData.ID, DataTypes.LongType, false),
            DataTypes.createStructField(ChurnData.PLAN, DataTypes.StringType, true),
            DataTypes.createStructField(ChurnData.REGION, DataTypes.StringType, true),
            DataTypes.createStructField(ChurnData.TENURE, DataTypes.IntegerType, true),
            DataTypes.createStructField(ChurnData.CHARGES, DataTypes.DoubleType, true),
            DataTypes.createStructField(ChurnData.CALLS, DataTypes.IntegerType, false),
            DataTypes.createStructField(ChurnData.LABEL, DataTypes.DoubleType, false),
            DataTypes.createStructField(SEGMENT, DataTypes.DoubleType, false)});

    private ScoringData() {
    }

    /**
     * @param dirty whether to add unseen categories (and null plans); nulls and NaNs are always there
     */
    public static List<Object[]> rows(int n, long seed, boolean dirty) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
        List<Object[]> out = new ArrayList<>(n);
        for (Row r : ChurnData.rows(new ChurnSpec(n, seed, 0.04, 0.04))) {
            String plan = r.getString(1);
            String region = r.getString(2);
            Integer tenure = r.getInt(3);
            int calls = r.getInt(5);
            double u = random.nextDouble();
            if (dirty && u < 0.03) {
                plan = "platinum";
            } else if (dirty && u < 0.05) {
                plan = null;
            }
            if (dirty && random.nextDouble() < 0.03) {
                region = "central";
            }
            if (random.nextDouble() < 0.03) {
                tenure = null;
            }
            if (dirty && random.nextDouble() < 0.01) {
                calls = 17; // more support calls than training ever saw: an unseen "label" for an indexer on calls
            }
            // A three-class label for the multinomial models: mostly the plan tier, some noise.
            double segment = random.nextDouble() < 0.8 ? Math.min(2, ChurnData.PLANS.indexOf(r.getString(1))) : random.nextInt(3);
            out.add(new Object[]{r.getLong(0), plan, region, tenure, r.isNullAt(4) ? null : r.getDouble(4), calls,
                    r.getDouble(6), segment});
        }
        return out;
    }

    public static Dataset<Row> frame(List<Object[]> rows) {
        List<Row> spark = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            spark.add(RowFactory.create(r));
        }
        return SharedSpark.session().createDataFrame(spark, SCHEMA).coalesce(1);
    }

    public static InputFrame input(List<Object[]> rows) {
        return new InputFrame(COLUMNS, TYPES, rows);
    }

    /** A Spark vector in the scorer's form (same dense/sparse choice). */
    public static VectorValue vector(Vector v) {
        if (v instanceof SparseVector s) {
            return VectorValue.sparse(s.size(), s.indices().clone(), s.values().clone());
        }
        return VectorValue.dense(((DenseVector) v).values().clone());
    }

    /** A Spark cell in the scorer's terms: vectors converted, the rest as is. */
    public static Object cell(Object v) {
        return v instanceof Vector vec ? vector(vec) : v;
    }
}
