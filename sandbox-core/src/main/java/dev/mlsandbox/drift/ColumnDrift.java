package dev.mlsandbox.drift;

/** The drift metrics of one column: numeric or categorical. Metrics only; no verdict. */
public sealed interface ColumnDrift permits NumericDrift, CategoricalDrift {
    /** Column name. */
    String name();

    /** {@code numeric} or {@code categorical}. */
    String type();

    /** Reference rows used (missing values excluded). */
    long referenceCount();

    /** Current rows used (missing values excluded). */
    long currentCount();

    /** PSI on the fitted bins. */
    double psi();

    /** Jensen-Shannon distance (natural log) on the fitted bins. */
    double jensenShannon();

    /** Total variation distance on the fitted bins. */
    double totalVariation();

    /** L-infinity distance on the fitted bins. */
    double lInfinity();

    /** The p-value of the column's hypothesis test (KS or chi-square). */
    double pValue();

    /** The effect size reported next to the p-value (KS D, or TV for categoricals). */
    double effectSize();

    /** Bucket labels, reference and current proportions (for charts). */
    Histogram histogram();
}
