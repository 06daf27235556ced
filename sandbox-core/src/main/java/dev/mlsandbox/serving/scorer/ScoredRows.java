package dev.mlsandbox.serving.scorer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a scorer returns for a request: the added columns of every row that was not dropped.
 * Values are Doubles (indices, predictions), {@link VectorValue}s, or the type of an imputed
 * column; a null stays null.
 *
 * @param columns          the added columns, in Spark's order
 * @param rows             one array per kept row, as long as {@code columns}
 * @param sourceRows       for each kept row, its position in the request
 * @param predictionColumn the column a response carries, or empty
 */
public record ScoredRows(List<String> columns, List<Object[]> rows, int[] sourceRows, String predictionColumn) {

    public ScoredRows {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
        sourceRows = sourceRows.clone();
        if (rows.size() != sourceRows.length) {
            throw new IllegalArgumentException(rows.size() + " rows but " + sourceRows.length + " source positions");
        }
    }

    public int size() {
        return rows.size();
    }

    /** The value of {@code column} in kept row {@code r}. */
    public Object value(int r, String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + column + "' among " + columns);
        }
        return rows.get(r)[c];
    }

    /** The values of one column, in row order. */
    public List<Object> column(String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + column + "' among " + columns);
        }
        List<Object> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(row[c]);
        }
        return out;
    }

    /** What MLflow's pyfunc returns for a Spark model: the prediction column as a list. */
    public List<Object> predictions() {
        if (predictionColumn.isEmpty()) {
            throw new ScoringFailure("the model has no predictor stage, so no prediction column to return");
        }
        return column(predictionColumn);
    }

    @Override
    public int[] sourceRows() {
        return sourceRows.clone();
    }
}
