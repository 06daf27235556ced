package dev.mlsandbox.tracking.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlsandbox.tracking.store.Entities.Experiment;
import dev.mlsandbox.tracking.store.Entities.Metric;
import dev.mlsandbox.tracking.store.Entities.Param;
import dev.mlsandbox.tracking.store.Entities.Run;
import dev.mlsandbox.tracking.store.Entities.RunInfo;
import dev.mlsandbox.tracking.store.Entities.Tag;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Entities to JSON in the shape of MLflow's protos (service.proto), field for field, so
 * protobuf's JSON parser in the clients reads them. int64 are written as numbers, non-finite
 * doubles as the strings "NaN", "Infinity", "-Infinity" as proto3 JSON requires.
 */
public final class TrackingJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TrackingJson() {}

    public static ObjectNode experiment(Experiment e) {
        ObjectNode n = F.objectNode();
        n.put("experiment_id", e.experimentId());
        n.put("name", e.name());
        n.put("artifact_location", e.artifactLocation());
        n.put("lifecycle_stage", e.lifecycleStage());
        n.put("last_update_time", e.lastUpdateTime());
        n.put("creation_time", e.creationTime());
        if (!e.tags().isEmpty()) {
            n.set("tags", tags(e.tags()));
        }
        return n;
    }

    public static ObjectNode runInfo(RunInfo i) {
        ObjectNode n = F.objectNode();
        n.put("run_id", i.runId());
        n.put("run_uuid", i.runId());
        n.put("run_name", i.runName());
        n.put("experiment_id", i.experimentId());
        if (i.userId() != null) {
            n.put("user_id", i.userId());
        }
        n.put("status", i.status());
        n.put("start_time", i.startTime());
        if (i.endTime() != null) {
            n.put("end_time", i.endTime());
        }
        n.put("artifact_uri", i.artifactUri());
        n.put("lifecycle_stage", i.lifecycleStage());
        return n;
    }

    public static ObjectNode run(Run r) {
        ObjectNode n = F.objectNode();
        n.set("info", runInfo(r.info()));
        ObjectNode data = n.putObject("data");
        if (!r.data().metrics().isEmpty()) {
            ArrayNode ms = data.putArray("metrics");
            r.data().metrics().forEach(m -> ms.add(metric(m)));
        }
        if (!r.data().params().isEmpty()) {
            ArrayNode ps = data.putArray("params");
            for (Param p : r.data().params()) {
                ps.addObject().put("key", p.key()).put("value", p.value());
            }
        }
        if (!r.data().tags().isEmpty()) {
            data.set("tags", tags(r.data().tags()));
        }
        n.putObject("inputs");
        return n;
    }

    public static ObjectNode metric(Metric m) {
        ObjectNode n = F.objectNode();
        n.put("key", m.key());
        double v = m.value();
        if (Double.isNaN(v)) {
            n.put("value", "NaN");
        } else if (Double.isInfinite(v)) {
            n.put("value", v > 0 ? "Infinity" : "-Infinity");
        } else {
            n.put("value", v);
        }
        n.put("timestamp", m.timestamp());
        n.put("step", m.step());
        return n;
    }

    static ArrayNode tags(List<Tag> tags) {
        ArrayNode a = F.arrayNode();
        for (Tag t : tags) {
            a.addObject().put("key", t.key()).put("value", t.value());
        }
        return a;
    }

    /**
     * {@code {"runs": [...], "next_page_token": ...}} written straight to bytes with the streaming
     * generator: a search page holds up to 50,000 runs, and a tree of nodes per run cost more than
     * the JSON text itself. Same shape as {@link #run}.
     */
    public static byte[] runsPage(ObjectMapper mapper, List<Run> runs, String nextPageToken) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(Math.min(1 << 20, 256 + 640 * runs.size()));
                JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            if (!runs.isEmpty()) {
                g.writeArrayFieldStart("runs");
                for (Run r : runs) {
                    writeRun(g, r);
                }
                g.writeEndArray();
            }
            if (nextPageToken != null) {
                g.writeStringField("next_page_token", nextPageToken);
            }
            g.writeEndObject();
            g.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search answer", e);
        }
    }

    static void writeRun(JsonGenerator g, Run r) throws IOException {
        RunInfo i = r.info();
        g.writeStartObject();
        g.writeObjectFieldStart("info");
        g.writeStringField("run_id", i.runId());
        g.writeStringField("run_uuid", i.runId());
        g.writeStringField("run_name", i.runName());
        g.writeStringField("experiment_id", i.experimentId());
        if (i.userId() != null) {
            g.writeStringField("user_id", i.userId());
        }
        g.writeStringField("status", i.status());
        g.writeNumberField("start_time", i.startTime());
        if (i.endTime() != null) {
            g.writeNumberField("end_time", i.endTime());
        }
        g.writeStringField("artifact_uri", i.artifactUri());
        g.writeStringField("lifecycle_stage", i.lifecycleStage());
        g.writeEndObject();
        g.writeObjectFieldStart("data");
        if (!r.data().metrics().isEmpty()) {
            g.writeArrayFieldStart("metrics");
            for (Metric m : r.data().metrics()) {
                g.writeStartObject();
                g.writeStringField("key", m.key());
                double v = m.value();
                if (Double.isNaN(v)) {
                    g.writeStringField("value", "NaN");
                } else if (Double.isInfinite(v)) {
                    g.writeStringField("value", v > 0 ? "Infinity" : "-Infinity");
                } else {
                    g.writeNumberField("value", v);
                }
                g.writeNumberField("timestamp", m.timestamp());
                g.writeNumberField("step", m.step());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        keyValues(g, "params", r.data().params().stream().map(p -> new Tag(p.key(), p.value())).toList());
        keyValues(g, "tags", r.data().tags());
        g.writeEndObject();
        g.writeObjectFieldStart("inputs");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void keyValues(JsonGenerator g, String field, List<Tag> kvs) throws IOException {
        if (kvs.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (Tag t : kvs) {
            g.writeStartObject();
            g.writeStringField("key", t.key());
            g.writeStringField("value", t.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
