package dev.mlsandbox.serving.scorer;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.MinMaxScaler;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.DecisionTreeRegressor;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.pipeline.ChurnPipelines;
import dev.mlsandbox.spark.ChurnData;

/**
 * Pipelines fitted once per test JVM and shared by the scorer tests: fitting is the slow part,
 * so every listed stage type sits in one "every stage" pipeline, in several configurations,
 * writing its own columns.
 */
public final class FittedPipelines {

    static final int TRAIN_ROWS = 1_500;
    static final long TRAIN_SEED = 7L;
    static final double INF = Double.POSITIVE_INFINITY;

    private FittedPipelines() {
    }

    public static List<Object[]> trainingRows() {
        return Train.ROWS;
    }

    public static Dataset<Row> training() {
        return Train.FRAME;
    }

    /** Every supported stage type, most in more than one configuration. */
    public static PipelineModel everyStage() {
        return EveryStage.MODEL;
    }

    /** The pipeline lab's study-guide pipeline: StringIndexer, VectorAssembler, RandomForestClassifier. */
    public static PipelineModel studyGuide() {
        return Lab.STUDY_GUIDE;
    }

    /** The pipeline lab's feature-engineering pipeline: indexers, encoders, assembler, scaler, LR. */
    public static PipelineModel featureEngineering() {
        return Lab.FEATURE_ENGINEERING;
    }

    /** The feature stages of {@link #everyStage}: every transformer and feature estimator. */
    static Pipeline featureStages() {
        return new Pipeline().setStages(new PipelineStage[]{
                new StringIndexer().setInputCols(new String[]{ChurnData.PLAN, ChurnData.REGION})
                        .setOutputCols(new String[]{"plan_idx", "region_idx"}).setHandleInvalid("keep"),
                new StringIndexer().setInputCol(ChurnData.CALLS).setOutputCol("calls_idx").setHandleInvalid("keep")
                        .setStringOrderType("alphabetAsc"),
                new OneHotEncoder().setInputCols(new String[]{"plan_idx", "region_idx"})
                        .setOutputCols(new String[]{"plan_vec", "region_vec"}).setHandleInvalid("keep"),
                new OneHotEncoder().setInputCol("calls_idx").setOutputCol("calls_vec").setDropLast(false)
                        .setHandleInvalid("keep"),
                new Imputer().setInputCols(new String[]{ChurnData.CHARGES, ChurnData.TENURE})
                        .setOutputCols(new String[]{"charges_mean", "tenure_mean"}),
                new Imputer().setInputCol(ChurnData.CHARGES).setOutputCol("charges_median").setStrategy("median"),
                new Imputer().setInputCol(ChurnData.TENURE).setOutputCol("tenure_mode").setStrategy("mode"),
                new Bucketizer().setInputCols(new String[]{"charges_mean", "tenure_mean"})
                        .setOutputCols(new String[]{"charges_bucket", "tenure_bucket"})
                        .setSplitsArray(new double[][]{{-INF, 50, 80, 110, INF}, {-INF, 6, 12, 24, 48, INF}}),
                new Bucketizer().setInputCol(ChurnData.CHARGES).setOutputCol("raw_charges_bucket")
                        .setSplits(new double[]{-INF, 60, 90, INF}).setHandleInvalid("keep"),
                new VectorAssembler().setInputCols(new String[]{"plan_vec", "region_vec", "calls_vec", "charges_mean",
                        "tenure_mean", "charges_bucket", "tenure_bucket", ChurnData.CALLS}).setOutputCol("raw"),
                new VectorAssembler().setInputCols(new String[]{ChurnData.CHARGES, "raw_charges_bucket", ChurnData.TENURE,
                        "plan_idx", "region_vec"}).setOutputCol("raw_with_gaps").setHandleInvalid("keep"),
                new MinMaxScaler().setInputCol("raw").setOutputCol("minmax"),
                new StandardScaler().setInputCol("minmax").setOutputCol("standardized").setWithMean(true),
                new StandardScaler().setInputCol("raw").setOutputCol("features"),
                new StandardScaler().setInputCol("raw").setOutputCol("centered").setWithMean(true).setWithStd(false),
                new VectorAssembler().setInputCols(new String[]{"plan_idx", "region_idx", "charges_mean", "tenure_mean",
                        ChurnData.CALLS}).setOutputCol("tree_features")});
    }

    /** The predictors of {@link #everyStage}, each on {@code features} or {@code tree_features}. */
    static PipelineStage[] predictors() {
        return new PipelineStage[]{
                new LogisticRegression().setLabelCol(ChurnData.LABEL).setMaxIter(6),
                new LogisticRegression().setLabelCol(ChurnData.LABEL).setMaxIter(6).setThreshold(0.3)
                        .setRawPredictionCol("").setProbabilityCol("lr03_probability").setPredictionCol("lr03_prediction"),
                new LogisticRegression().setLabelCol(ScoringData.SEGMENT).setMaxIter(6).setRegParam(0.01)
                        .setRawPredictionCol("lrm_raw").setProbabilityCol("lrm_probability").setPredictionCol("lrm_prediction"),
                new LogisticRegression().setLabelCol(ScoringData.SEGMENT).setMaxIter(6).setRegParam(0.01)
                        .setThresholds(new double[]{0.5, 0.3, 0.2}).setRawPredictionCol("lrt_raw")
                        .setProbabilityCol("lrt_probability").setPredictionCol("lrt_prediction"),
                new LinearRegression().setLabelCol(ChurnData.LABEL).setPredictionCol("linear_prediction"),
                new DecisionTreeClassifier().setLabelCol(ChurnData.LABEL).setFeaturesCol("tree_features").setMaxDepth(5)
                        .setRawPredictionCol("dt_raw").setProbabilityCol("dt_probability").setPredictionCol("dt_prediction"),
                new DecisionTreeClassifier().setLabelCol(ScoringData.SEGMENT).setFeaturesCol("tree_features").setMaxDepth(4)
                        .setThresholds(new double[]{0.2, 0.5, 0.3}).setRawPredictionCol("")
                        .setProbabilityCol("").setPredictionCol("dtt_prediction"),
                new RandomForestClassifier().setLabelCol(ChurnData.LABEL).setFeaturesCol("tree_features").setNumTrees(4)
                        .setMaxDepth(5).setSeed(3).setRawPredictionCol("rf_raw").setProbabilityCol("rf_probability")
                        .setPredictionCol("rf_prediction"),
                new RandomForestClassifier().setLabelCol(ScoringData.SEGMENT).setFeaturesCol("tree_features").setNumTrees(3)
                        .setMaxDepth(4).setSeed(5).setRawPredictionCol("rfm_raw").setProbabilityCol("rfm_probability")
                        .setPredictionCol("rfm_prediction"),
                new GBTClassifier().setLabelCol(ChurnData.LABEL).setFeaturesCol("tree_features").setMaxIter(3)
                        .setMaxDepth(3).setSeed(11).setRawPredictionCol("gbt_raw").setProbabilityCol("gbt_probability")
                        .setPredictionCol("gbt_prediction"),
                new GBTClassifier().setLabelCol(ChurnData.LABEL).setFeaturesCol("tree_features").setMaxIter(3)
                        .setMaxDepth(3).setSeed(13).setRawPredictionCol("").setProbabilityCol("")
                        .setPredictionCol("gbtp_prediction"),
                new DecisionTreeRegressor().setLabelCol(ChurnData.LABEL).setFeaturesCol("tree_features").setMaxDepth(5)
                        .setPredictionCol("dtr_prediction"),
                new RandomForestRegressor().setLabelCol(ChurnData.LABEL).setFeaturesCol("tree_features").setNumTrees(4)
                        .setMaxDepth(4).setSeed(17).setPredictionCol("rfr_prediction"),
                new GBTRegressor().setLabelCol(ChurnData.LABEL).setFeaturesCol("tree_features").setMaxIter(3)
                        .setMaxDepth(3).setSeed(19).setPredictionCol("gbtr_prediction")};
    }

    /**
     * Fits the feature stages once, caches the features, fits each predictor on them, and joins
     * the fitted stages into one PipelineModel (a Pipeline of fitted stages only "fits" without a
     * Spark job). One 30-stage Pipeline.fit would re-plan the whole chain for every estimator.
     */
    private static PipelineModel fitEveryStage(Dataset<Row> train) {
        long t0 = System.nanoTime();
        PipelineModel features = featureStages().fit(train);
        System.out.printf("feature stages fitted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Dataset<Row> featurized = features.transform(train).cache();
        featurized.count();
        List<PipelineStage> fitted = new ArrayList<>(List.of(features.stages()));
        for (PipelineStage p : predictors()) {
            fitted.add(((org.apache.spark.ml.Estimator<?>) p).fit(featurized));
        }
        featurized.unpersist();
        System.out.printf("every-stage pipeline fitted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return new Pipeline().setStages(fitted.toArray(PipelineStage[]::new)).fit(train);
    }

    // One holder per model, so a test that needs one model does not fit the others.
    private static final class Train {
        static final List<Object[]> ROWS = ScoringData.rows(TRAIN_ROWS, TRAIN_SEED, false);
        static final Dataset<Row> FRAME = ScoringData.frame(ROWS).cache();
    }

    private static final class EveryStage {
        static final PipelineModel MODEL = fitEveryStage(Train.FRAME);
    }

    private static final class Lab {
        // the pipeline lab's two pipelines; the forest with the lab's default depth and seed
        static final PipelineModel STUDY_GUIDE = ChurnPipelines.studyGuide(10, 5, 42L).fit(Train.FRAME.na().drop());
        static final PipelineModel FEATURE_ENGINEERING = ChurnPipelines.featureEngineering().fit(Train.FRAME.na().drop());
    }
}
