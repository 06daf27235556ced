package dev.mlsandbox.serving.batch;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.serving.InputFrame;

/** Spark rows as request rows: the bridge between a table and the row scorer. */
public final class SparkFrames {

    private SparkFrames() {
    }

    /** Collects the table to the driver as an {@link InputFrame} (scalar columns only). */
    public static InputFrame collect(Dataset<Row> table) {
        List<String> columns = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (StructField f : table.schema().fields()) {
            columns.add(f.name());
            types.add(ColumnType.fromSpark(f.name(), f.dataType()));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Row r : table.collectAsList()) {
            Object[] values = new Object[r.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(r.get(i), types.get(i));
            }
            rows.add(values);
        }
        return new InputFrame(columns, types, rows);
    }

    private static Object value(Object v, ColumnType type) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> ((Number) v).intValue(); // byte and short columns are MLflow integers
            case DATETIME -> v instanceof java.sql.Timestamp t ? t.toInstant()
                    : v instanceof java.sql.Date d ? d.toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : v;
            default -> v;
        };
    }
}
