package dev.mlsandbox.pipeline;

/**
 * A LogisticRegression coefficient next to the truth the data was generated with.
 *
 * @param feature    the assembled feature's name (from the vector's metadata)
 * @param onScaled   the coefficient as Spark reports it, per unit of the scaled feature
 * @param perUnit    the same, per unit of the raw feature ({@code onScaled / std})
 * @param truth      the generator's coefficient (ChurnSpec), relative to the dropped category for one-hot columns
 */
public record CoefficientCheck(String feature, double onScaled, double perUnit, double truth) {
}
