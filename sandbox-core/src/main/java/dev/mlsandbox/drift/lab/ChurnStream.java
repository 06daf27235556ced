package dev.mlsandbox.drift.lab;

import java.util.Random;

/**
 * A seeded churn-like data generator whose distribution can be changed on purpose.
 *
 * <p>Features: tenure ~ N(24, 8) months, charges ~ N(70, 15), device_age ~ N(3, 1) years,
 * plan in {basic, plus, pro} with shares 0.5 / 0.3 / 0.2. The true relation is
 * logit P(churn) = -1 + b_t z(tenure) + 0.8 z(charges) + 0.4 [basic] - 0.3 [pro], with b_t = -1.2;
 * device_age plays no part in it.
 */
public final class ChurnStream {
    /** Column names, in order. */
    public static final String[] NUMERIC = {"tenure", "charges", "device_age"};
    public static final String PLAN = "plan";
    public static final double TENURE_COEF = -1.2;

    private ChurnStream() {
    }

    /** One window of data with labels. */
    public record Window(double[] tenure, double[] charges, double[] deviceAge, String[] plan, int[] label) {
        public int size() {
            return label.length;
        }
    }

    /**
     * What shapes one window: the knobs of the generator, each 0 (or 1) in the reference
     * distribution. Shifts move a feature's mean in its own units; the true relation is written on
     * the reference scale, so a covariate shift leaves P(churn | x) unchanged.
     *
     * @param tenureShift   added to tenure (months)
     * @param chargesShift  added to charges
     * @param deviceShift   added to device_age (years); device_age plays no part in the relation
     * @param tenureCoef    tenure's coefficient b_t in the true logit (reference {@value #TENURE_COEF})
     * @param keepNegative  the probability of keeping a non-churner (below 1 raises the churn rate, P(x | y) unchanged)
     */
    public record Conditions(double tenureShift, double chargesShift, double deviceShift, double tenureCoef,
                             double keepNegative) {
        public Conditions {
            if (!(keepNegative > 0 && keepNegative <= 1)) {
                throw new IllegalArgumentException("keepNegative must be in (0, 1], got " + keepNegative);
            }
        }

        /** The reference distribution. */
        public static Conditions reference() {
            return new Conditions(0, 0, 0, TENURE_COEF, 1);
        }

        /** A drift-lab scenario at an intensity (0 = reference distribution, 1 = full strength). */
        public static Conditions of(Scenario scenario, double intensity) {
            double tenureShift = scenario == Scenario.GRADUAL_COVARIATE_SHIFT ? -8.0 * intensity : 0.0;
            double deviceShift = scenario == Scenario.IRRELEVANT_COVARIATE_SHIFT ? 1.5 * intensity : 0.0;
            // Concept drift: tenure's coefficient moves from -1.2 to +1.2.
            double bt = scenario == Scenario.SUDDEN_CONCEPT_DRIFT || scenario == Scenario.GRADUAL_CONCEPT_DRIFT
                    ? TENURE_COEF * (1 - 2 * intensity) : TENURE_COEF;
            // Prior shift: keep every churner, keep non-churners with probability 1 - 0.6 * intensity.
            double keepNegative = scenario == Scenario.PRIOR_SHIFT ? 1 - 0.6 * intensity : 1.0;
            return new Conditions(tenureShift, 0, deviceShift, bt, keepNegative);
        }
    }

    /** Generates a window under a scenario at a given intensity (0 = reference distribution). */
    public static Window generate(Scenario scenario, double intensity, int rows, long seed) {
        return generate(Conditions.of(scenario, intensity), rows, seed);
    }

    /** Generates a window of {@code rows} labelled rows under the given conditions. */
    public static Window generate(Conditions conditions, int rows, long seed) {
        Random rnd = new Random(seed);
        double bt = conditions.tenureCoef();
        double[] t = new double[rows];
        double[] c = new double[rows];
        double[] d = new double[rows];
        String[] p = new String[rows];
        int[] y = new int[rows];
        int k = 0;
        while (k < rows) {
            double tenure = 24 + 8 * rnd.nextGaussian() + conditions.tenureShift();
            double charges = 70 + 15 * rnd.nextGaussian() + conditions.chargesShift();
            double device = 3 + rnd.nextGaussian() + conditions.deviceShift();
            double u = rnd.nextDouble();
            String plan = u < 0.5 ? "basic" : u < 0.8 ? "plus" : "pro";
            // The relation is written on the reference scale, so a covariate shift moves z.
            double logit = -1 + bt * (tenure - 24) / 8 + 0.8 * (charges - 70) / 15
                    + ("basic".equals(plan) ? 0.4 : "pro".equals(plan) ? -0.3 : 0.0);
            int label = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            if (label == 0 && rnd.nextDouble() >= conditions.keepNegative()) {
                continue;
            }
            t[k] = tenure;
            c[k] = charges;
            d[k] = device;
            p[k] = plan;
            y[k] = label;
            k++;
        }
        return new Window(t, c, d, p, y);
    }
}
