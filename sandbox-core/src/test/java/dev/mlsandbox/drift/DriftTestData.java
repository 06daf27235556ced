package dev.mlsandbox.drift;

/** Test samples reproduced bit-for-bit by src/test/python/drift_reference.py (same LCG, exact division). */
final class DriftTestData {
    private DriftTestData() {
    }

    static double[] lcg(long seed, int count) {
        return lcg(seed, count, 1.0, 0.0);
    }

    static double[] lcg(long seed, int count, double scale, double shift) {
        double[] out = new double[count];
        long s = seed;
        for (int k = 0; k < count; k++) {
            s = (s * 1103515245L + 12345L) % 2147483648L;
            out[k] = s / 2147483648.0 * scale + shift;
        }
        return out;
    }

    static double[] sorted(double[] x) {
        double[] c = x.clone();
        java.util.Arrays.sort(c);
        return c;
    }

    static double[] floor(double[] x) {
        double[] c = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            c[k] = Math.floor(x[k]);
        }
        return c;
    }
}
