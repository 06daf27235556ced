package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.TuningGrid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TuningLabOptionsTest {

    private static String rejected(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void defaultsAreSparksDefaultsAndAFourMapGrid() {
        TuningLabOptions o = TuningLabOptions.defaults();
        assertEquals(3, o.folds());
        assertEquals(0.75, o.trainRatio());
        assertEquals(4, o.grid().size());
        assertEquals(5, o.stabilitySeeds());
        assertEquals(4, o.grid().build(new org.apache.spark.ml.classification.LogisticRegression()).length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 0, -3})
    void foldsBelowTwoAreRejectedNamingTheRuleAndTheFix(int k) {
        String message = rejected(() -> TuningLabOptions.defaults().withFolds(k));
        assertTrue(message.startsWith("folds (k) must be >= 2, got " + k), message);
        assertTrue(message.contains("--folds 2"), message);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.25, 1.5, Double.NaN})
    void trainRatioOutsideTheOpenUnitIntervalIsRejected(double ratio) {
        String message = rejected(() -> TuningLabOptions.defaults().withTrainRatio(ratio));
        assertTrue(message.startsWith("trainRatio must be strictly between 0 and 1, got " + ratio), message);
    }

    @Test
    void anEmptyGridIsRejectedWhetherItHasNoAxisOrAnEmptyAxis() {
        String noAxis = rejected(() -> TuningLabOptions.defaults().withGrid(new TuningGrid(List.of())));
        assertTrue(noAxis.startsWith("the tuning grid is empty (it has no axis)"), noAxis);
        String emptyAxis = rejected(() -> TuningLabOptions.defaults().withGrid(TuningGrid.of(
                new TuningGrid.Axis("regParam", List.of(0.1)), new TuningGrid.Axis("elasticNetParam", List.of()))));
        assertTrue(emptyAxis.startsWith("the tuning grid is empty (axis 'elasticNetParam' has no values)"), emptyAxis);
    }

    @Test
    void gridParamsMustBeDoubleParamsOfLogisticRegressionWithValidValues() {
        String unknown = rejected(() -> TuningLabOptions.defaults().withGrid(TuningGrid.of(
                new TuningGrid.Axis("learningRate", List.of(0.1)))));
        assertTrue(unknown.contains("'learningRate', which is not a double param of LogisticRegression"), unknown);
        String invalid = rejected(() -> TuningLabOptions.defaults().withGrid(TuningGrid.of(
                new TuningGrid.Axis("elasticNetParam", List.of(2.0)))));
        assertTrue(invalid.contains("elasticNetParam = 2.0, which LogisticRegression rejects"), invalid);
        String twice = rejected(() -> TuningLabOptions.defaults().withGrid(TuningGrid.of(
                new TuningGrid.Axis("regParam", List.of(0.1)), new TuningGrid.Axis("regParam", List.of(0.2)))));
        assertTrue(twice.contains("names param 'regParam' twice"), twice);
    }

    @Test
    void otherBoundsAreCheckedToo() {
        assertTrue(rejected(() -> TuningLabOptions.defaults().withRows(50)).startsWith("rows must be >= 200, got 50"));
        assertTrue(rejected(() -> TuningLabOptions.defaults().withParallelism(0)).startsWith("parallelism must be >= 1"));
        assertTrue(rejected(() -> TuningLabOptions.defaults().withStabilitySeeds(1)).startsWith("stabilitySeeds must be >= 2"));
        assertTrue(rejected(() -> TuningLabOptions.defaults().withTestFraction(0.9)).startsWith("testFraction must be in (0, 0.5]"));
    }

    @Test
    void sweepSizesAreDistinctAndBelowTheFullSize() {
        assertEquals(List.of(250, 500), TuningLab.smallerSizes(1000));
        assertEquals(List.of(200), TuningLab.smallerSizes(300));
        assertEquals(List.of(), TuningLab.smallerSizes(200));
        assertEquals(List.of(1, 2, 4), TuningLab.gridSizes(4));
        assertEquals(List.of(1), TuningLab.gridSizes(1));
    }

    @Test
    void theLayoutComparisonTunesTheFirstTwoMapsAtMost() {
        assertEquals(2, TuningLab.layoutMaps(4));
        assertEquals(2, TuningLab.layoutMaps(2));
        assertEquals(1, TuningLab.layoutMaps(1));
    }
}
