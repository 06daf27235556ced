package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.LayoutComparison;
import dev.mlsandbox.tuning.Stability;
import dev.mlsandbox.tuning.Sweeps;
import dev.mlsandbox.tuning.TrainValidation;
import static dev.mlsandbox.report.Format.number;
import static dev.mlsandbox.report.Format.seconds;
import static dev.mlsandbox.report.Format.times;

import java.util.Comparator;
import java.util.List;

import dev.mlsandbox.report.Report;

/** The "what this shows" sentences, each computed from the run and tied to the number behind it. */
final class TuningTakeaways {

    private TuningTakeaways() {
    }

    static void add(Report.Builder b, TuningLabResult r) {
        CrossValidation cv = r.crossValidation();
        TrainValidation tvs = r.trainValidation();
        int k = cv.folds();
        int g = cv.paramMaps().size();

        b.takeaway("CrossValidator fitted " + cv.fits() + " models = " + k + " folds x " + g + " maps + " + cv.refits()
                + " refit and took " + times(r.timeRatio()) + " as long as TrainValidationSplit (" + tvs.fits()
                + " fits = " + g + " maps + " + tvs.refits() + " refit; " + seconds(cv.seconds()) + " vs "
                + seconds(tvs.seconds()) + ").", "crossValidator.fits", cv.fits());

        Stability.Summary c = r.stability().crossValidator();
        Stability.Summary t = r.stability().trainValidationSplit();
        String verdict = c.fraction() > t.fraction() ? "CrossValidator chose more stably"
                : c.fraction() < t.fraction() ? "TrainValidationSplit happened to choose more stably in this run"
                : "both chose equally stably here";
        b.takeaway("Over " + c.seeds() + " seeds CrossValidator picked its most common map in " + c.modalCount() + "/"
                + c.seeds() + " seeds vs " + t.modalCount() + "/" + t.seeds() + " for TrainValidationSplit: " + verdict
                + "; the chosen model's held-out AUC spread (max - min) was " + number(c.testScoreRange(), 3) + " vs "
                + number(t.testScoreRange(), 3) + ".", "selectionStability.trainValidationSplit", t.fraction());

        double cvNoise = r.stability().estimateStd(true);
        double tvsNoise = r.stability().estimateStd(false);
        b.takeaway("With the seed as the only change, a param map's estimated AUC moved with std " + number(tvsNoise, 3)
                + " under TrainValidationSplit vs " + number(cvNoise, 3) + " under CrossValidator ("
                + times(tvsNoise / Math.max(cvNoise, 1e-12)) + "): the single split ranks the maps through "
                + (tvsNoise > cvNoise ? "more" : "no more") + " noise than the " + k + "-fold mean.",
                "selectionStability.estimateStd.trainValidationSplit", tvsNoise);

        List<CrossValidation.FoldScores> ranked = cv.paramMaps().stream()
                .sorted(Comparator.comparingDouble(CrossValidation.FoldScores::mean).reversed()).toList();
        CrossValidation.FoldScores best = cv.scoresOf(cv.best());
        if (ranked.size() > 1) {
            double gap = ranked.get(0).mean() - ranked.get(1).mean();
            b.takeaway("The best map's AUC varied across folds with std " + number(best.std(), 3) + ", while the top two "
                    + "maps' means differ by only " + number(gap, 3) + (gap < best.std()
                    ? ": the ranking is inside the fold-to-fold noise, so one validation split can easily flip it."
                    : ": the ranking is larger than the fold-to-fold noise."), "crossValidator.bestStd", best.std());
        }

        LayoutComparison l = r.layouts();
        b.takeaway("With the whole pipeline inside, CrossValidator refitted StringIndexer and OneHotEncoder in each of its "
                + l.pipelineInValidator().fits() + " fits and took " + seconds(l.pipelineInValidator().seconds())
                + "; with the validator inside the pipeline (encoders fitted once, " + seconds(l.encodeSeconds())
                + ") it took " + seconds(l.validatorInPipeline().seconds()) + " (" + times(l.speedup())
                + " faster overall) and " + (l.sameChoice() ? "chose the same map" : "chose a different map ("
                + l.validatorInPipeline().best().label() + " vs " + l.pipelineInValidator().best().label() + ")")
                + ". That is safe only because the encoders learn category lists, not statistics of the validation rows.",
                "layouts.speedup", l.speedup());

        r.sweepsIfRun().ifPresent(s -> {
            List<Sweeps.Point> sizes = s.dataSize(Sweeps.CROSS_VALIDATOR).stream()
                    .sorted(Comparator.comparingInt(Sweeps.Point::rows)).toList();
            Sweeps.Point small = sizes.get(0);
            Sweeps.Point large = sizes.get(sizes.size() - 1);
            b.takeaway("From " + small.rows() + " to " + large.rows() + " training rows (one param map) CrossValidator fitted "
                    + small.fits() + " then " + large.fits() + " models (the count depends on k and the grid, not the "
                    + "data) while its time went " + seconds(small.seconds()) + " -> " + seconds(large.seconds()) + ".",
                    "sweeps.dataSize.crossValidator.seconds", large.seconds());

            List<Sweeps.Point> grids = s.gridSize(Sweeps.CROSS_VALIDATOR).stream()
                    .sorted(Comparator.comparingInt(Sweeps.Point::gridSize)).toList();
            List<Sweeps.Point> tvsGrids = s.gridSize(Sweeps.TRAIN_VALIDATION_SPLIT).stream()
                    .sorted(Comparator.comparingInt(Sweeps.Point::gridSize)).toList();
            Sweeps.Point g1 = grids.get(0);
            Sweeps.Point gn = grids.get(grids.size() - 1);
            b.takeaway("Growing the grid from " + g1.gridSize() + " to " + gn.gridSize() + " maps took CrossValidator from "
                    + g1.fits() + " to " + gn.fits() + " fits (+" + k + " per map) and TrainValidationSplit from "
                    + tvsGrids.get(0).fits() + " to " + tvsGrids.get(tvsGrids.size() - 1).fits() + " (+1 per map).",
                    "sweeps.gridSize.crossValidator.fits", gn.fits());

            Sweeps.Point p1 = s.parallelism().get(0);
            Sweeps.Point p2 = s.parallelism().get(s.parallelism().size() - 1);
            int cores = Runtime.getRuntime().availableProcessors();
            double speedup = p1.seconds() / p2.seconds();
            b.takeaway("parallelism " + p2.parallelism() + " ran CrossValidator in " + seconds(p2.seconds()) + " vs "
                    + seconds(p1.seconds()) + " with parallelism " + p1.parallelism() + " (" + times(speedup)
                    + (speedup >= 1 ? " faster" : ", i.e. no faster") + ") on this " + cores + "-core machine; the "
                    + "fit count is unchanged (" + p1.fits() + ").", "sweeps.parallelism.speedup", speedup);

            Sweeps.SubModels sub = s.collectSubModels();
            String memory = sub.measurable()
                    ? number(sub.extraBytes() / 1024.0) + " KB more retained memory (about "
                            + number(sub.extraBytes() / 1024.0 / Math.max(1, sub.subModels()))
                            + " KB per model, training summary included)"
                    : "their extra memory was not measurable in this run (the size estimates of the two models, "
                            + "which both walk the shared Spark session, differed by " + number(sub.extraBytes() / 1024.0)
                            + " KB)";
            b.takeaway("collectSubModels kept " + sub.subModels() + " fold models on the driver: " + memory
                    + "; the fit took " + seconds(sub.secondsWith()) + " vs " + seconds(sub.secondsWithout()) + ".",
                    "sweeps.collectSubModels.extraBytes", sub.extraBytes());
        });
    }
}
