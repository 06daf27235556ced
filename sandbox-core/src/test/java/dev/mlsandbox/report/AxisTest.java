package dev.mlsandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Tick choice, including the ranges that once made the tick loop run until the heap was gone. */
class AxisTest {

    @Test
    void niceTicksCoverTheData() {
        List<Double> ticks = Axis.linear(0.31, 0.87, false, 0, 100).ticks();
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8, 1.0), ticks.stream().map(t -> Math.round(t * 10) / 10.0).toList());
    }

    @Test
    void twoScoresALastDigitApartAreAFlatLineWithAFewTicks() {
        // The same AUC computed twice can differ in the last bit: a range of one ulp.
        double a = 0.7176470588235292;
        double b = Math.nextUp(a);
        Axis axis = Axis.linear(a, b, false, 0, 100);
        List<Double> ticks = axis.ticks();
        assertTrue(ticks.size() >= 2 && ticks.size() <= 12, ticks.toString());
        assertTrue(axis.min() <= a && axis.max() >= b);
    }

    @Test
    void aTinyRangeFarFromZeroStillEnds() {
        Axis axis = new Axis(1e17, 1e17 + 1e3, false, 0, 100);
        assertTrue(axis.ticks().size() <= 51, "bounded");
    }

    @Test
    void logTicksArePowersOfTen() {
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0), Axis.logarithmic(2, 900, 0, 100).ticks());
    }
}
