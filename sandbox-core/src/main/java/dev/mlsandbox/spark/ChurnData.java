package dev.mlsandbox.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A seeded, churn-like table: two categorical columns, three numeric ones, a 0/1 label.
 *
 * <p>Rows are generated on the driver from one {@link SplittableRandom}, so the same
 * {@link ChurnSpec} gives the same rows whatever the master URL or partitioning.
 */
public final class ChurnData {

    public static final String ID = "customer_id";
    public static final String PLAN = "plan";
    public static final String REGION = "region";
    public static final String TENURE = "tenure_months";
    public static final String CHARGES = "monthly_charges";
    public static final String CALLS = "support_calls";
    public static final String LABEL = "churn";

    /** Rows per partition of {@link #generate}: below this, one partition outruns several. */
    public static final int ROWS_PER_PARTITION = 100_000;

    public static final List<String> PLANS = List.of("basic", "standard", "premium", "enterprise");
    public static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final double[] PLAN_WEIGHTS = {0.45, 0.30, 0.17, 0.08};
    private static final double[] PLAN_BASE_CHARGE = {45, 70, 95, 115};
    private static final double[] REGION_WEIGHTS = {0.30, 0.30, 0.22, 0.18};

    public static final StructType SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField(ID, DataTypes.LongType, false),
            DataTypes.createStructField(PLAN, DataTypes.StringType, false),
            DataTypes.createStructField(REGION, DataTypes.StringType, false),
            DataTypes.createStructField(TENURE, DataTypes.IntegerType, false),
            DataTypes.createStructField(CHARGES, DataTypes.DoubleType, true),
            DataTypes.createStructField(CALLS, DataTypes.IntegerType, false),
            DataTypes.createStructField(LABEL, DataTypes.DoubleType, false)});

    private ChurnData() {
    }

    /**
     * The rows as a DataFrame, in {@link #partitionsFor} partitions: a small table in one, a large
     * one spread over the cores.
     */
    public static Dataset<Row> generate(SparkSession spark, ChurnSpec spec) {
        return spark.createDataFrame(rows(spec), SCHEMA)
                .coalesce(partitionsFor(spec.rows(), spark.sparkContext().defaultParallelism()));
    }

    /**
     * One partition per {@value #ROWS_PER_PARTITION} rows, at least one and at most
     * {@code maxPartitions}. Spark would cut even a 1,000-row table into one partition per core, and
     * every task then costs more to ship and deserialize than its rows cost to compute: on a 2-core
     * machine a 13-fit CrossValidator over 750 rows ran 1.9x faster from one partition than from four.
     */
    public static int partitionsFor(int rows, int maxPartitions) {
        int wanted = (int) Math.min(Integer.MAX_VALUE, (rows + (long) ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION);
        return Math.max(1, Math.min(wanted, Math.max(1, maxPartitions)));
    }

    /** The rows as plain Java objects, for tests and for code that does not need Spark. */
    public static List<Row> rows(ChurnSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<Row> rows = new ArrayList<>(spec.rows());
        for (int i = 0; i < spec.rows(); i++) {
            int planIndex = pick(random, PLAN_WEIGHTS);
            String plan = PLANS.get(planIndex);
            String region = REGIONS.get(pick(random, REGION_WEIGHTS));
            int tenure = 1 + (int) Math.min(71, Math.floor(-24.0 * Math.log(1.0 - random.nextDouble())));
            double charges = Math.round((PLAN_BASE_CHARGE[planIndex] + 12.0 * gaussian(random)) * 100.0) / 100.0;
            int calls = poisson(random, 1.4);
            double logit = ChurnSpec.INTERCEPT + ChurnSpec.planEffect(plan) + ChurnSpec.TENURE * tenure
                    + ChurnSpec.CHARGES * (charges - 70.0) + ChurnSpec.CALLS * calls;
            double label = random.nextDouble() < 1.0 / (1.0 + Math.exp(-logit)) ? 1.0 : 0.0;
            double gap = random.nextDouble();
            Double shownCharges = gap < spec.nullFraction() ? null
                    : gap < spec.nullFraction() + spec.nanFraction() ? Double.NaN : charges;
            rows.add(RowFactory.create((long) i + 1, plan, region, tenure, shownCharges, calls, label));
        }
        return rows;
    }

    private static int pick(SplittableRandom random, double[] weights) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Knuth's method: fine for the small means used here. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
