package dev.mlsandbox.serving.scorer;

/**
 * What the row scorer knows of one fitted stage: its params and learned data in plain Java,
 * read either from an in-memory Spark stage or from the directory Spark saved. {@link #bind}
 * resolves column names to slots and returns the kernel that scores rows.
 */
sealed interface StageSpec permits StringIndexerSpec, OneHotEncoderSpec, VectorAssemblerSpec, StandardScalerSpec,
        MinMaxScalerSpec, ImputerSpec, BucketizerSpec, LogisticRegressionSpec, LinearRegressionSpec, TreeModelSpec {

    /** The kernel for this stage, with its columns resolved in {@code layout} (and its outputs added). */
    Kernel bind(Layout layout);

    /** The prediction column a predictor writes, or empty for a feature stage. */
    default String predictionColumn() {
        return "";
    }

    /** Spark's {@code handleInvalid} values. */
    enum HandleInvalid {
        ERROR, SKIP, KEEP;

        static HandleInvalid of(String value) {
            return switch (value) {
                case "error" -> ERROR;
                case "skip" -> SKIP;
                case "keep" -> KEEP;
                default -> throw new UnsupportedStageException("handleInvalid '" + value + "' is not error, skip or keep");
            };
        }
    }

    /**
     * Input and output columns of a stage that takes either {@code inputCol}/{@code outputCol} or
     * {@code inputCols}/{@code outputCols}: the single form when {@code inputCol} is set, as Spark's
     * {@code getInOutCols} decides.
     */
    static String[][] inOutCols(StageParams p) {
        if (p.isSet("inputCol")) {
            return new String[][]{{p.string("inputCol")}, {p.string("outputCol")}};
        }
        String[] in = p.strings("inputCols");
        String[] out = p.strings("outputCols");
        if (in.length != out.length) {
            throw new UnsupportedStageException("inputCols has " + in.length + " names but outputCols " + out.length);
        }
        return new String[][]{in, out};
    }
}
