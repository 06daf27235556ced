package dev.mlsandbox.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bins of every column, fitted once on the reference and reused for every later window, so
 * PSI and the other binned metrics of different windows are comparable. Saved as JSON; doubles
 * are written in their shortest round-trip form, so a reloaded edge is bit-identical.
 *
 * @param numeric     quantile bins per numeric column
 * @param categorical reference categories per categorical column
 */
public record DriftBins(Map<String, QuantileBins> numeric, Map<String, CategoryBins> categorical) {

    /** The bins the given column results used, keyed by column name, so a later window can reuse them. */
    public static DriftBins of(List<ColumnDrift> columns) {
        Map<String, QuantileBins> numeric = new LinkedHashMap<>();
        Map<String, CategoryBins> categorical = new LinkedHashMap<>();
        for (ColumnDrift c : columns) {
            if (c instanceof NumericDrift n) {
                numeric.put(n.name(), n.bins());
            } else if (c instanceof CategoricalDrift k) {
                categorical.put(k.name(), k.bins());
            }
        }
        return new DriftBins(numeric, categorical);
    }

    /** Format version written into the file. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public DriftBins {
        numeric = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
        categorical = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
    }

    public Optional<QuantileBins> numeric(String column) {
        return Optional.ofNullable(numeric.get(column));
    }

    public Optional<CategoryBins> categorical(String column) {
        return Optional.ofNullable(categorical.get(column));
    }

    /** The JSON text of these bins. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "mlsandbox-drift-bins");
        root.put("version", FORMAT_VERSION);
        ArrayNode cols = root.putArray("columns");
        numeric.forEach((name, b) -> {
            ObjectNode c = cols.addObject();
            c.put("name", name);
            c.put("type", "numeric");
            c.put("requested", b.requested());
            ArrayNode e = c.putArray("edges");
            for (double v : b.edges()) {
                e.add(v);
            }
        });
        categorical.forEach((name, b) -> {
            ObjectNode c = cols.addObject();
            c.put("name", name);
            c.put("type", "categorical");
            ArrayNode e = c.putArray("categories");
            b.categories().forEach(e::add);
        });
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the bins to a file (atomically). */
    public void save(Path file) {
        dev.mlsandbox.report.ReportWriter.writeAtomically(file, toJson());
    }

    /** Reads bins written by {@link #save}; errors name the file and what is wrong. */
    public static DriftBins load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DriftInputException("bins file " + file + " does not exist; write one first with --save-bins");
        } catch (IOException e) {
            throw new DriftInputException("cannot read bins file " + file + ": " + e.getMessage());
        }
        return fromJson(text, file.toString());
    }

    /** Parses the JSON text of {@link #toJson()}. */
    public static DriftBins fromJson(String text, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new DriftInputException("bins file " + source + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !"mlsandbox-drift-bins".equals(root.path("format").asText())
                || !root.path("columns").isArray()) {
            throw new DriftInputException("bins file " + source
                    + " is not a drift bins file (expected \"format\": \"mlsandbox-drift-bins\" and a \"columns\" list)");
        }
        Map<String, QuantileBins> num = new LinkedHashMap<>();
        Map<String, CategoryBins> cat = new LinkedHashMap<>();
        for (JsonNode c : root.get("columns")) {
            String name = c.path("name").asText();
            String type = c.path("type").asText();
            if ("numeric".equals(type)) {
                List<Double> edges = new ArrayList<>();
                c.path("edges").forEach(v -> edges.add(v.asDouble()));
                try {
                    num.put(name, new QuantileBins(c.path("requested").asInt(edges.size() + 1),
                            edges.stream().mapToDouble(Double::doubleValue).toArray()));
                } catch (IllegalArgumentException e) {
                    throw new DriftInputException("bins file " + source + ", column '" + name + "': " + e.getMessage());
                }
            } else if ("categorical".equals(type)) {
                List<String> cats = new ArrayList<>();
                c.path("categories").forEach(v -> cats.add(v.asText()));
                cat.put(name, new CategoryBins(cats));
            } else {
                throw new DriftInputException("bins file " + source + ", column '" + name + "': type must be numeric or "
                        + "categorical, got '" + type + "'");
            }
        }
        return new DriftBins(num, cat);
    }
}
