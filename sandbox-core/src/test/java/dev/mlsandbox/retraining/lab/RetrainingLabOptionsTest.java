package dev.mlsandbox.retraining.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.retraining.Quality;
import dev.mlsandbox.retraining.Strategy;

class RetrainingLabOptionsTest {

    @Test
    void everyOptionRoundTripsThroughTheParameterMap() {
        RetrainingLabOptions d = RetrainingLabOptions.defaults();
        assertEquals(d, RetrainingLabOptions.fromParameters(d.toParameters()));
        RetrainingLabOptions changed = RetrainingLabOptions.fromParameters(Map.of("windows", "48", "strategies",
                "performance,SCHEDULED,performance", "gateMetric", "auc", "onlineStep", "0.5", "seed", "7"));
        assertEquals(48, changed.windows());
        assertEquals(List.of("performance", "scheduled"), changed.strategies(), "ids, lower case, each once");
        assertEquals(List.of(Strategy.Kind.PERFORMANCE, Strategy.Kind.SCHEDULED), changed.kinds());
        assertEquals("performance,scheduled", changed.toParameters().get("strategies"));
        assertEquals("log-loss", d.toParameters().get("gateMetric"));
        assertEquals(Quality.Metric.AUC, changed.gateMetric());
        assertEquals(changed, RetrainingLabOptions.fromParameters(changed.toParameters()));
        assertEquals(d.rowsPerWindow(), changed.rowsPerWindow(), "missing keys keep their defaults");
        assertEquals(500, d.withRowsPerWindow(500).rowsPerWindow());
        assertEquals(List.of(Strategy.Kind.ONLINE), d.withStrategies(List.of(Strategy.Kind.ONLINE)).kinds());
        assertEquals(3, d.with("scheduleEvery", "3").scheduleEvery());
    }

    @Test
    void badParametersNameTheKeyAndTheRule() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("window", "40")));
        assertTrue(unknown.getMessage().startsWith("the retraining lab has no parameter 'window' (did you mean 'windows'?)"),
                unknown.getMessage());
        var notNumber = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("windows", "many")));
        assertTrue(notNumber.getMessage().startsWith("retraining lab parameter windows = 'many' is not a whole number"),
                notNumber.getMessage());
        var tooFew = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("windows", "10")));
        assertTrue(tooFew.getMessage().contains("must be >= 15"), tooFew.getMessage());
        var strategy = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("strategies", "scheduled,weekly")));
        assertTrue(strategy.getMessage().contains("'weekly' is not one"), strategy.getMessage());
        var metric = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("gateMetric", "f1")));
        assertTrue(metric.getMessage().contains("gateMetric") && metric.getMessage().contains("log-loss"), metric.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetrainingLabOptions.fromParameters(Map.of("strategies", "")));
    }
}
