package dev.mlsandbox.pipeline;

import dev.mlsandbox.lab.Failures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import dev.mlsandbox.spark.ChurnData;

/**
 * {@code handleInvalid} in its two places: a StringIndexerModel meeting a category it never saw,
 * and a VectorAssembler meeting a null or a NaN.
 *
 * <p>Both fail lazily: {@code transform} returns at once and the error surfaces at the first
 * action. So every case here ends with an action that needs the transformed column (a collect of
 * it), since an action that does not need it, such as a bare {@code count()}, may never evaluate it.
 */
public final class HandleInvalidProbe {

    public static final List<String> MODES = List.of("error", "skip", "keep");
    /** A plan the generator never produces, so the fitted StringIndexerModel never saw it. */
    public static final String UNSEEN_PLAN = "trial";

    private HandleInvalidProbe() {
    }

    /**
     * Scores {@code known} plus {@code unseen} (whose plan is replaced by {@link #UNSEEN_PLAN}) with
     * the fitted study-guide model, once per mode. The mode is passed as a ParamMap to
     * {@code transform}: handleInvalid is read at transform time, so one fitted model serves all three.
     */
    public static List<UnseenCategoryOutcome> unseenCategory(PipelineModel model, Dataset<Row> known, long knownRows,
                                                      Dataset<Row> unseen, long unseenIn) {
        StringIndexerModel indexer = (StringIndexerModel) model.stages()[0];
        int numLabels = indexer.labelsArray()[0].length;
        Dataset<Row> frame = known.unionByName(unseen.withColumn(ChurnData.PLAN, lit(UNSEEN_PLAN)));
        long rowsIn = knownRows + unseenIn;
        List<UnseenCategoryOutcome> outcomes = new ArrayList<>();
        for (String mode : MODES) {
            ParamMap params = new ParamMap().put(indexer.handleInvalid().w(mode));
            Dataset<Row> scored = model.transform(frame, params);
            try {
                List<Row> rows = scored.select(ChurnData.PLAN, ChurnPipelines.PLAN_INDEX, "prediction").collectAsList();
                Double unseenIndex = rows.stream().filter(r -> UNSEEN_PLAN.equals(r.getString(0)))
                        .map(r -> r.getDouble(1)).max(Double::compare).orElse(null);
                outcomes.add(new UnseenCategoryOutcome(mode, rowsIn, unseenIn, rows.size(), false, "", unseenIndex, numLabels));
            } catch (Exception e) { // SparkException is checked, but Scala throws it undeclared
                outcomes.add(new UnseenCategoryOutcome(mode, rowsIn, unseenIn, 0, true, Failures.oneLine(e), null, numLabels));
            }
        }
        return outcomes;
    }

    /**
     * A VectorAssembler over tenure, charges and calls, on {@code base} with the charges of its first
     * {@code invalidRows} customers set to null, then to NaN; each under every mode. {@code rowsIn}
     * is the size of {@code base}, known to the caller, so no job is spent counting it.
     */
    public static List<AssemblerOutcome> assembler(Dataset<Row> base, long rowsIn, int invalidRows) {
        List<AssemblerOutcome> outcomes = new ArrayList<>();
        for (String kind : List.of("null", "NaN")) {
            Dataset<Row> frame = base.withColumn(ChurnData.CHARGES,
                    when(col(ChurnData.ID).leq(invalidRows), kind.equals("null")
                            ? lit(null).cast(DataTypes.DoubleType) : lit(Double.NaN))
                            .otherwise(col(ChurnData.CHARGES)));
            long invalid = Math.min(invalidRows, rowsIn);
            for (String mode : MODES) {
                VectorAssembler assembler = new VectorAssembler()
                        .setInputCols(new String[]{ChurnData.TENURE, ChurnData.CHARGES, ChurnData.CALLS})
                        .setOutputCol(ChurnPipelines.FEATURES)
                        .setHandleInvalid(mode);
                try {
                    List<Row> rows = assembler.transform(frame).select(ChurnPipelines.FEATURES).collectAsList();
                    long withNaN = rows.stream().filter(r -> hasNaN(r.getAs(0))).count();
                    outcomes.add(new AssemblerOutcome(kind, mode, rowsIn, invalid, rows.size(), withNaN, false, ""));
                } catch (Exception e) { // SparkException is checked, but Scala throws it undeclared
                    outcomes.add(new AssemblerOutcome(kind, mode, rowsIn, invalid, 0, 0, true, Failures.oneLine(e)));
                }
            }
        }
        return outcomes;
    }

    private static boolean hasNaN(Vector vector) {
        for (double v : vector.toArray()) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
