package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.ParamKey;
import dev.mlsandbox.tuning.TrainValidation;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlsandbox.lab.TrackedRun;

/**
 * The tuning lab's metrics in its MLflow run: for every param map of the headline
 * CrossValidator, the metric of each fold at step = fold index ({@code cv/<map>/fold}), their
 * mean and standard deviation; TrainValidationSplit's validation metric per map; the chosen
 * models' held-out scores and the wall times. {@code <map>} is the param map's content made a
 * valid MLflow key, e.g. {@code elasticNetParam_0/regParam_0.01}.
 */
final class TuningTracking {
    private TuningTracking() {
    }

    static void log(TrackedRun run, TuningLabResult r) {
        if (!run.enabled()) {
            return;
        }
        CrossValidation cv = r.crossValidation();
        for (int fold = 0; fold < cv.folds(); fold++) {
            Map<String, Double> perFold = new LinkedHashMap<>();
            for (CrossValidation.FoldScores s : cv.paramMaps()) {
                if (fold < s.foldMetrics().size()) {
                    perFold.put("cv/" + key(s.params()) + "/fold", s.foldMetrics().get(fold));
                }
            }
            run.metrics(perFold, fold);
        }
        Map<String, Double> summary = new LinkedHashMap<>();
        for (CrossValidation.FoldScores s : cv.paramMaps()) {
            summary.put("cv/" + key(s.params()) + "/mean", s.mean());
            summary.put("cv/" + key(s.params()) + "/std", s.std());
        }
        for (TrainValidation.SplitScore s : r.trainValidation().paramMaps()) {
            summary.put("tvs/" + key(s.params()) + "/validation", s.validationMetric());
        }
        summary.put("cv.testScore", r.cvTestScore());
        summary.put("tvs.testScore", r.tvsTestScore());
        summary.put("cv.seconds", cv.seconds());
        summary.put("tvs.seconds", r.trainValidation().seconds());
        summary.put("cv.fits", (double) cv.fits());
        summary.put("tvs.fits", (double) r.trainValidation().fits());
        run.metrics(summary, 0);
        run.tags(Map.of("cv.best", cv.best().label(), "tvs.best", r.trainValidation().best().label()));
    }

    /** {@code elasticNetParam=0, regParam=0.01} as {@code elasticNetParam_0/regParam_0.01}: MLflow keys allow [\w./ -]. */
    static String key(ParamKey params) {
        StringBuilder b = new StringBuilder();
        params.values().forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('/');
            }
            // the exact value (Double.toString), so two maps never share a key
            String value = String.valueOf(v);
            b.append(k).append('_').append(value.replaceAll("[^\\w.\\- ]", "_").replace("..", "_"));
        });
        return b.length() == 0 ? "default" : b.toString();
    }
}
