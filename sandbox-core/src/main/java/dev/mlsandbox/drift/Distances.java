package dev.mlsandbox.drift;

/**
 * Distances between two binned distributions given as counts over the same bins. Each method
 * normalises the counts to proportions first.
 */
public final class Distances {
    /** Floor for empty bins in PSI (Evidently's 0.0001), so ln(c/r) stays finite. */
    public static final double DEFAULT_PSI_FLOOR = 1e-4;

    private Distances() {
    }

    /** Proportions from counts. */
    public static double[] proportions(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] p = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            p[k] = total == 0 ? 0.0 : counts[k] / (double) total;
        }
        return p;
    }

    /**
     * Population stability index: sum over bins (c - r) ln(c / r), with both proportions raised to
     * {@code floor} first (no renormalisation, as Evidently). Bins empty on both sides add 0.
     */
    public static double psi(double[] ref, double[] cur, double floor) {
        double s = 0;
        for (int k = 0; k < ref.length; k++) {
            double r = Math.max(ref[k], floor);
            double c = Math.max(cur[k], floor);
            s += (c - r) * Math.log(c / r);
        }
        return s;
    }

    /**
     * Jensen-Shannon distance (the square root of the divergence), like
     * {@code scipy.spatial.distance.jensenshannon(p, q, base)}; natural log when base is e
     * (scipy's default, and therefore Evidently's), range [0, sqrt(ln 2)]; base 2 gives [0, 1].
     */
    public static double jensenShannon(double[] p, double[] q, double base) {
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            double m = (p[k] + q[k]) / 2;
            s += relEntr(p[k], m) + relEntr(q[k], m);
        }
        s /= Math.log(base);
        return Math.sqrt(Math.max(0.0, s) / 2);
    }

    /** Total variation distance: half the L1 distance, in [0, 1]. */
    public static double totalVariation(double[] p, double[] q) {
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            s += Math.abs(p[k] - q[k]);
        }
        return s / 2;
    }

    /** L-infinity distance: the largest difference of one bin's proportion. */
    public static double lInfinity(double[] p, double[] q) {
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            s = Math.max(s, Math.abs(p[k] - q[k]));
        }
        return s;
    }

    private static double relEntr(double x, double y) {
        return x == 0 ? 0.0 : x * Math.log(x / y);
    }
}
