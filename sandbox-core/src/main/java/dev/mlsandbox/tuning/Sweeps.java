package dev.mlsandbox.tuning;

import java.util.List;

/**
 * How cost scales: measured points of small extra runs, each a real validator fit.
 *
 * @param dataSize         both strategies at several training sizes, with the grid's first param map
 *                         (the fit count does not depend on the data; one map keeps the sweep cheap)
 * @param gridSize         both strategies with the first 1, about half, and all param maps
 * @param parallelism      CrossValidator with parallelism 1 and 2 (same seed and data, about half the
 *                         grid: Spark fits the maps of one fold side by side, so two maps show it)
 * @param collectSubModels CrossValidator with and without {@code collectSubModels} (half grid)
 */
public record Sweeps(List<Point> dataSize, List<Point> gridSize, List<Point> parallelism, SubModels collectSubModels) {

    public static final String CROSS_VALIDATOR = "CrossValidator";
    public static final String TRAIN_VALIDATION_SPLIT = "TrainValidationSplit";

    public Sweeps {
        dataSize = List.copyOf(dataSize);
        gridSize = List.copyOf(gridSize);
        parallelism = List.copyOf(parallelism);
    }

    /**
     * One measured run.
     *
     * @param strategy     {@value #CROSS_VALIDATOR} or {@value #TRAIN_VALIDATION_SPLIT}
     * @param rows         training rows handed to the validator
     * @param gridSize     param maps
     * @param parallelism  the validator's parallelism
     * @param fits         real fits counted
     * @param expectedFits what the formula says (k x |grid| + 1, or |grid| + 1)
     * @param seconds      wall time of the validator's fit
     */
    public record Point(String strategy, int rows, int gridSize, int parallelism, int fits, int expectedFits,
                        double seconds) {
    }

    /**
     * CrossValidator with and without {@code collectSubModels}.
     *
     * @param gridSize       param maps in this comparison
     * @param subModels      models kept (k x gridSize)
     * @param secondsWithout wall time without collecting
     * @param secondsWith    wall time with collecting
     * @param bytesWithout   size of the fitted CrossValidatorModel's object graph (Spark's SizeEstimator)
     * @param bytesWith      the same with the sub-models kept
     */
    public record SubModels(int gridSize, int subModels, double secondsWithout, double secondsWith, long bytesWithout, long bytesWith) {
        /** Bytes the sub-models add to the model the driver holds. */
        public long extraBytes() {
            return bytesWith - bytesWithout;
        }

        /**
         * Whether the difference says anything: both estimates walk the shared Spark session, and
         * SizeEstimator's sampling of its large arrays can move that part by more than the
         * sub-models weigh, down to a zero or negative difference.
         */
        public boolean measurable() {
            return extraBytes() > 0;
        }
    }

    public List<Point> dataSize(String strategy) {
        return dataSize.stream().filter(p -> p.strategy().equals(strategy)).toList();
    }

    public List<Point> gridSize(String strategy) {
        return gridSize.stream().filter(p -> p.strategy().equals(strategy)).toList();
    }
}
