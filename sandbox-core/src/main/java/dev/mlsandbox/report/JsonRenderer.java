package dev.mlsandbox.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Renders a report as JSON (docs/report-format.md). Top-level keys, in order: {@code schemaVersion},
 * {@code lab}, {@code title}, {@code summary}, {@code provenance}, {@code takeaways}, then every
 * entry of {@link Report#data()}, then {@code sections}.
 */
public final class JsonRenderer {

    /** Bumped when a key is renamed or removed; adding keys does not bump it. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    public String render(Report report) {
        try {
            return MAPPER.writeValueAsString(document(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report '" + report.lab() + "' holds a value JSON cannot represent: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Parses a rendered report back into a tree, for programs and tests that check it. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a report.json: " + e.getMessage(), e);
        }
    }

    /** The mapper used for reports, so labs can turn their records into the same JSON shapes. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static Map<String, Object> document(Report report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("lab", report.lab());
        doc.put("title", report.title());
        doc.put("summary", report.summary());
        doc.put("provenance", report.provenance());
        doc.put("takeaways", report.takeaways());
        doc.putAll(report.data());
        doc.put("sections", report.sections());
        return doc;
    }
}
