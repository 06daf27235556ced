package dev.mlsandbox.serving.scorer;

import java.util.List;

/** The Spark stage classes the row scorer compiles. */
public final class Stages {

    /** Fully qualified class names, as a saved stage's metadata names them. */
    public static final List<String> SUPPORTED = List.of(
            "org.apache.spark.ml.feature.StringIndexerModel",
            "org.apache.spark.ml.feature.OneHotEncoderModel",
            "org.apache.spark.ml.feature.VectorAssembler",
            "org.apache.spark.ml.feature.StandardScalerModel",
            "org.apache.spark.ml.feature.MinMaxScalerModel",
            "org.apache.spark.ml.feature.ImputerModel",
            "org.apache.spark.ml.feature.Bucketizer",
            "org.apache.spark.ml.classification.LogisticRegressionModel",
            "org.apache.spark.ml.regression.LinearRegressionModel",
            "org.apache.spark.ml.classification.DecisionTreeClassificationModel",
            "org.apache.spark.ml.classification.RandomForestClassificationModel",
            "org.apache.spark.ml.classification.GBTClassificationModel",
            "org.apache.spark.ml.regression.DecisionTreeRegressionModel",
            "org.apache.spark.ml.regression.RandomForestRegressionModel",
            "org.apache.spark.ml.regression.GBTRegressionModel");

    private Stages() {
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static String notSupported(String className) {
        return simpleName(className) + " has no row-level implementation here (supported: "
                + String.join(", ", SUPPORTED.stream().map(Stages::simpleName).toList()) + ")";
    }
}
