package dev.mlsandbox.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A numeric axis: maps data values to pixels and chooses readable tick values
 * ("nice numbers": 1, 2 or 5 times a power of ten; powers of ten on a log axis).
 */
record Axis(double min, double max, boolean log, double pixelFrom, double pixelTo) {

    /** More ticks than any chart can show; a bound, so a degenerate range can never loop. */
    private static final long MAX_TICKS = 50;

    static Axis linear(double dataMin, double dataMax, boolean includeZero, double pixelFrom, double pixelTo) {
        double lo = includeZero ? Math.min(0, dataMin) : dataMin;
        double hi = includeZero ? Math.max(0, dataMax) : dataMax;
        // A range of a few ulps (the same score computed twice, a last-digit apart) is a flat line:
        // ticks a fraction of an ulp apart could not even be told apart, let alone printed.
        if (!(hi - lo > 1e-9 * Math.max(Math.abs(lo), Math.abs(hi)))) {
            double pad = lo == 0 && hi == 0 ? 1 : Math.max(Math.abs(lo), Math.abs(hi)) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / 5.0);
        return new Axis(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, false, pixelFrom, pixelTo);
    }

    static Axis logarithmic(double dataMin, double dataMax, double pixelFrom, double pixelTo) {
        if (!(dataMin > 0) || !Double.isFinite(dataMax)) {
            throw new IllegalArgumentException("a log axis needs positive, finite values, got " + dataMin + " to " + dataMax);
        }
        double lo = Math.pow(10, Math.floor(Math.log10(dataMin)));
        double hi = Math.pow(10, Math.ceil(Math.log10(dataMax)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        return new Axis(lo, hi, true, pixelFrom, pixelTo);
    }

    double pixel(double value) {
        double t = log ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        return pixelFrom + t * (pixelTo - pixelFrom);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double v = min; v <= max * 1.0000001; v *= 10) {
                ticks.add(v);
            }
            return ticks;
        }
        double step = niceStep((max - min) / 5.0);
        // Counted, not accumulated: min + i * step cannot stall the way v += step can when step is
        // below v's precision, and the count is bounded whatever the range.
        long count = Math.min(MAX_TICKS, (long) Math.floor((max - min) / step + 1e-9));
        for (long i = 0; i <= count; i++) {
            double v = min + i * step;
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    static double niceStep(double rough) {
        if (!(rough > 0) || Double.isInfinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
