package dev.mlsandbox.serving.scorer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.http.Json;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.serving.InputFrame;

/**
 * Run in a child JVM whose class path has no Spark and no Scala: reads a saved PipelineModel with
 * {@link SavedPipelineReader}, scores the rows of a JSON file and writes the results, one line per
 * row. If loading or scoring touched a Spark class, the child would fail with NoClassDefFoundError.
 */
public final class NoSparkProbe {

    private NoSparkProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Class.forName("org.apache.spark.sql.SparkSession");
            throw new IllegalStateException("Spark is on this JVM's class path; the probe must run without it");
        } catch (ClassNotFoundException expected) {
            // no Spark here, as intended
        }
        CompileResult result = SavedPipelineReader.read(Path.of(args[0]));
        InputFrame frame = readFrame(Path.of(args[1]));
        ScoredRows scored = result.scorer().orElseThrow(() -> new IllegalStateException(result.report().summary()))
                .score(frame);
        List<String> lines = new ArrayList<>();
        lines.add(result.report().summary());
        lines.addAll(format(scored));
        Files.write(Path.of(args[2]), lines);
    }

    /** One line per kept row: its source position and every value, doubles in their exact shortest form. */
    static List<String> format(ScoredRows scored) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", scored.columns()));
        int[] source = scored.sourceRows();
        for (int r = 0; r < scored.size(); r++) {
            StringBuilder b = new StringBuilder().append(source[r]);
            for (Object v : scored.rows().get(r)) {
                b.append('\t').append(v);
            }
            lines.add(b.toString());
        }
        return lines;
    }

    static void writeFrame(InputFrame frame, Path file) throws java.io.IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : frame.rows()) {
            List<Object> r = new ArrayList<>();
            for (Object v : row) {
                r.add(v instanceof Double d && !Double.isFinite(d) ? d.toString() : v);
            }
            rows.add(r);
        }
        Json.mapper().writeValue(file.toFile(), java.util.Map.of("columns", frame.columns(),
                "types", frame.types().stream().map(ColumnType::mlflowName).toList(), "rows", rows));
    }

    static InputFrame readFrame(Path file) throws java.io.IOException {
        JsonNode root = Json.mapper().readTree(file.toFile());
        List<String> columns = new ArrayList<>();
        root.get("columns").forEach(c -> columns.add(c.asText()));
        List<ColumnType> types = new ArrayList<>();
        root.get("types").forEach(t -> types.add(ColumnType.fromMlflowName(t.asText())));
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode r : root.get("rows")) {
            Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++) {
                JsonNode v = r.get(c);
                row[c] = v.isNull() ? null : switch (types.get(c)) {
                    case INTEGER -> v.asInt();
                    case LONG -> v.asLong();
                    case DOUBLE -> v.isTextual() ? Double.valueOf(v.asText()) : v.asDouble();
                    default -> v.asText();
                };
            }
            rows.add(row);
        }
        return new InputFrame(columns, types, rows);
    }
}
