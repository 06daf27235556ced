package dev.mlsandbox.serving.protocol;

/** How a scoring request carried its rows: one of MLflow's four JSON input keys, or CSV. */
public enum InputFormat {
    /** {@code {"dataframe_split": {"columns": [...], "data": [[...]], "index": [...]}}}: pandas' split orient (recommended: keeps column order). */
    DATAFRAME_SPLIT("dataframe_split"),
    /** {@code {"dataframe_records": [{"col": value, ...}, ...]}}: pandas' records orient. */
    DATAFRAME_RECORDS("dataframe_records"),
    /** {@code {"instances": [{"col": value, ...}, ...]}}: TF Serving's row format. */
    INSTANCES("instances"),
    /** {@code {"inputs": {"col": [values], ...}}}: TF Serving's columnar format. */
    INPUTS("inputs"),
    /** {@code text/csv}: a header row, then one row per record (as {@code DataFrame.to_csv} writes). */
    CSV("text/csv");

    private final String key;

    InputFormat(String key) {
        this.key = key;
    }

    /** The JSON key (or the content type, for CSV). */
    public String key() {
        return key;
    }

    static InputFormat ofKey(String key) {
        for (InputFormat f : values()) {
            if (f != CSV && f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
