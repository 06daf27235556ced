package dev.mlsandbox.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Selection stability: both validators tuned the same training rows with several seeds (the seed
 * only changes how rows are split into folds or train/validation); each time the chosen model was
 * scored on the same held-out test rows.
 *
 * @param runs one entry per seed, in seed order
 */
public record Stability(List<SeedRun> runs) {

    public Stability {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("stability needs at least one seed run");
        }
    }

    /**
     * What one seed chose.
     *
     * @param seed           the validators' seed
     * @param cvBest         the param map CrossValidator chose
     * @param cvTestScore    its refit model's metric on the held-out test rows
     * @param cvSeconds      CrossValidator's wall time
     * @param tvsBest        the param map TrainValidationSplit chose
     * @param tvsTestScore   its refit model's metric on the held-out test rows
     * @param tvsSeconds     TrainValidationSplit's wall time
     * @param cvEstimates    CrossValidator's estimate (mean over folds) of every param map
     * @param tvsEstimates   TrainValidationSplit's estimate (validation metric) of every param map
     */
    public record SeedRun(long seed, ParamKey cvBest, double cvTestScore, double cvSeconds,
                          ParamKey tvsBest, double tvsTestScore, double tvsSeconds,
                          Map<ParamKey, Double> cvEstimates, Map<ParamKey, Double> tvsEstimates) {
        public SeedRun {
            cvEstimates = Map.copyOf(cvEstimates);
            tvsEstimates = Map.copyOf(tvsEstimates);
        }

        /** What stability keeps of one seed's two validator runs and their models' test scores. */
        public static SeedRun of(long seed, CrossValidation cv, double cvTestScore, TrainValidation tvs,
                                 double tvsTestScore) {
            return new SeedRun(seed, cv.best(), cvTestScore, cv.seconds(), tvs.best(), tvsTestScore, tvs.seconds(),
                    cv.paramMaps().stream().collect(Collectors.toMap(CrossValidation.FoldScores::params,
                            CrossValidation.FoldScores::mean)),
                    tvs.paramMaps().stream().collect(Collectors.toMap(TrainValidation.SplitScore::params,
                            TrainValidation.SplitScore::metric)));
        }
    }

    /**
     * How much one param map's estimated metric moved with the seed: per map, the sample standard
     * deviation over seeds of the validator's estimate; this is the average over maps. It is the
     * noise a validator ranks the maps through.
     */
    public double estimateStd(boolean crossValidator) {
        return perMapEstimateStd(crossValidator).values().stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
    }

    /** Per param map, the sample standard deviation over seeds of the validator's estimate. */
    public Map<ParamKey, Double> perMapEstimateStd(boolean crossValidator) {
        Map<ParamKey, Double> out = new LinkedHashMap<>();
        for (ParamKey key : runs.get(0).cvEstimates().keySet().stream().sorted(java.util.Comparator.comparing(ParamKey::label)).toList()) {
            double[] values = runs.stream().mapToDouble(r -> (crossValidator ? r.cvEstimates() : r.tvsEstimates()).get(key)).toArray();
            out.put(key, InstrumentedTuning.sampleStd(values));
        }
        return out;
    }

    /** How a strategy's choices spread over the seeds. */
    public record Summary(ParamKey modal, int modalCount, int seeds, int distinctChoices, double minTestScore,
                          double maxTestScore, double testScoreStd) {
        /** Share of seeds that chose the most common param map (1.0 = the same choice every time). */
        public double fraction() {
            return (double) modalCount / seeds;
        }

        public double testScoreRange() {
            return maxTestScore - minTestScore;
        }
    }

    public Summary crossValidator() {
        return summarize(SeedRun::cvBest, SeedRun::cvTestScore);
    }

    public Summary trainValidationSplit() {
        return summarize(SeedRun::tvsBest, SeedRun::tvsTestScore);
    }

    public List<Long> seeds() {
        return runs.stream().map(SeedRun::seed).toList();
    }

    private Summary summarize(Function<SeedRun, ParamKey> choice, Function<SeedRun, Double> score) {
        // Count choices in seed order; on a tie the map chosen first is the modal one (deterministic).
        Map<ParamKey, Integer> counts = new LinkedHashMap<>();
        runs.forEach(r -> counts.merge(choice.apply(r), 1, Integer::sum));
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        ParamKey modal = counts.entrySet().stream().filter(e -> e.getValue() == top).findFirst().orElseThrow().getKey();
        double[] scores = runs.stream().mapToDouble(score::apply).toArray();
        double min = java.util.Arrays.stream(scores).min().orElseThrow();
        double max = java.util.Arrays.stream(scores).max().orElseThrow();
        return new Summary(modal, top, runs.size(), counts.size(), min, max,
                InstrumentedTuning.sampleStd(scores));
    }
}
