package dev.mlsandbox.spark;

/**
 * What {@link ChurnData} generates.
 *
 * <p>The label follows a known logistic relation, so a lab can compare what a model learned with
 * the truth:
 * <pre>
 * logit(P(churn)) = INTERCEPT + planEffect(plan) + TENURE * tenure_months
 *                 + CHARGES * (monthly_charges - 70) + CALLS * support_calls
 * </pre>
 * where planEffect is {@code basic +0.6, standard 0, premium -0.5, enterprise -1.0}. Region has no
 * effect: a model that leans on it is fitting noise.
 *
 * @param rows        number of rows, at least 1
 * @param seed        seed of the generator; the same seed gives the same rows
 * @param nullFraction share of rows whose {@code monthly_charges} is null (0 for none)
 * @param nanFraction  share of rows whose {@code monthly_charges} is NaN (0 for none)
 */
public record ChurnSpec(int rows, long seed, double nullFraction, double nanFraction) {

    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_ROWS = 5_000;

    public static final double INTERCEPT = -1.2;
    public static final double TENURE = -0.045;
    public static final double CHARGES = 0.025;
    public static final double CALLS = 0.55;

    public ChurnSpec {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, got " + rows);
        }
        checkFraction("nullFraction", nullFraction);
        checkFraction("nanFraction", nanFraction);
        if (nullFraction + nanFraction > 1.0) {
            throw new IllegalArgumentException("nullFraction + nanFraction must be <= 1, got " + (nullFraction + nanFraction));
        }
    }

    public static ChurnSpec rows(int rows) {
        return new ChurnSpec(rows, DEFAULT_SEED, 0.0, 0.0);
    }

    public static ChurnSpec defaults() {
        return rows(DEFAULT_ROWS);
    }

    public ChurnSpec withSeed(long newSeed) {
        return new ChurnSpec(rows, newSeed, nullFraction, nanFraction);
    }

    public ChurnSpec withNulls(double fraction) {
        return new ChurnSpec(rows, seed, fraction, nanFraction);
    }

    public ChurnSpec withNaNs(double fraction) {
        return new ChurnSpec(rows, seed, nullFraction, fraction);
    }

    /** The true effect of a plan on the log-odds of churn. */
    public static double planEffect(String plan) {
        return switch (plan) {
            case "basic" -> 0.6;
            case "standard" -> 0.0;
            case "premium" -> -0.5;
            case "enterprise" -> -1.0;
            default -> throw new IllegalArgumentException("unknown plan '" + plan + "': expected basic, standard, premium or enterprise");
        };
    }

    private static void checkFraction(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
