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
                "performance, scheduled", "gateMetric", "areaUnderROC", "onlineStep", "0.5", "seed", "7"));
        assertEquals(48, changed.windows());
        assertEquals(List.of(Strategy.Kind.PERFORMANCE, Strategy.Kind.SCHEDULED), changed.strategies());
        assertEquals(Quality.Metric.AUC, changed.gateMetric());
        assertEquals(changed, RetrainingLabOptions.fromParameters(changed.toParameters()));
        assertEquals(d.rowsPerWindow(), changed.rowsPerWindow(), "missing keys keep their defaults");
        assertEquals(500, d.withRowsPerWindow(500).rowsPerWindow());
        assertEquals(List.of(Strategy.Kind.ONLINE), d.withStrategies(List.of(Strategy.Kind.ONLINE)).strategies());
    }

    @Test
    void badParametersNameTheKeyAndTheRule() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("window", "40")));
        assertTrue(unknown.getMessage().contains("no option 'window'") && unknown.getMessage().contains("windows"),
                unknown.getMessage());
        var notNumber = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("windows", "many")));
        assertEquals("retraining lab option windows = 'many' is not a number", notNumber.getMessage());
        var tooFew = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("windows", "10")));
        assertTrue(tooFew.getMessage().contains("at least 15"), tooFew.getMessage());
        var strategy = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("strategies", "scheduled,weekly")));
        assertTrue(strategy.getMessage().contains("unknown strategy 'weekly'"), strategy.getMessage());
        var metric = assertThrows(IllegalArgumentException.class,
                () -> RetrainingLabOptions.fromParameters(Map.of("gateMetric", "f1")));
        assertTrue(metric.getMessage().contains("gateMetric") && metric.getMessage().contains("logLoss"), metric.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetrainingLabOptions.fromParameters(Map.of("strategies", "")));
    }
}
