package dev.mlsandbox.registry.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.mlsandbox.registry.signature.ModelSignature;

/**
 * The {@code MLmodel} file of an MLflow model directory.
 *
 * @param artifactPath   where the model sits under its run's artifacts ({@code model})
 * @param runId          the run that logged it, or null
 * @param utcTimeCreated MLflow's {@code %Y-%m-%d %H:%M:%S.%f} in UTC
 * @param mlflowVersion  the MLflow version whose layout this follows
 * @param modelUuid      32 hex digits
 * @param flavors        flavor name to its settings ({@code spark}, {@code python_function})
 * @param signature      the signature, or null (Unity Catalog refuses to register such a model)
 * @param inputExample   the {@code saved_input_example_info} entry, or null
 */
public record MlmodelFile(String artifactPath, String runId, String utcTimeCreated, String mlflowVersion,
                          String modelUuid, Map<String, Map<String, Object>> flavors, ModelSignature signature,
                          Map<String, Object> inputExample) {

    public static final String FILE_NAME = "MLmodel";
    /** The MLflow version this layout follows: the Java client's. */
    public static final String MLFLOW_VERSION = "2.17.2";

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    // Strings are always double-quoted: a bare 2024-01-01 10:00:00.000000 would read back as a
    // timestamp in PyYAML, and the signature's JSON is easier to read on one line.
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .build();

    public MlmodelFile {
        Objects.requireNonNull(artifactPath, "artifactPath");
        Objects.requireNonNull(flavors, "flavors");
        flavors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flavors));
    }

    public static String utcTime(Instant instant) {
        return UTC_TIME.format(instant);
    }

    public Optional<Map<String, Object>> flavor(String name) {
        return Optional.ofNullable(flavors.get(name));
    }

    /** The YAML text, keys in MLflow's (alphabetical) order. */
    public String toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artifact_path", artifactPath);
        m.put("flavors", flavors);
        m.put("mlflow_version", mlflowVersion);
        m.put("model_uuid", modelUuid);
        if (runId != null) {
            m.put("run_id", runId);
        }
        if (inputExample != null) {
            m.put("saved_input_example_info", inputExample);
        }
        if (signature != null) {
            m.put("signature", signature.toMlmodelMap());
        }
        m.put("utc_time_created", utcTimeCreated);
        try {
            return YAML.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write MLmodel YAML: " + e.getMessage(), e);
        }
    }

    public void write(Path modelDir) throws IOException {
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve(FILE_NAME), toYaml());
    }

    /** Reads {@code <dir>/MLmodel}; the error says what is missing. */
    public static MlmodelFile read(Path modelDir) throws IOException {
        Path file = modelDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no MLmodel file in " + modelDir + ": an MLflow model directory has one at its top");
        }
        return parse(Files.readString(file), file.toString());
    }

    public static MlmodelFile parse(String yaml, String where) {
        Map<String, Object> m;
        try {
            m = YAML.readValue(yaml, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " is not valid YAML: " + e.getMessage());
        }
        if (m == null || !(m.get("flavors") instanceof Map<?, ?> flavorMap)) {
            throw new IllegalArgumentException(where + " has no 'flavors' mapping; it is not an MLflow MLmodel file");
        }
        Map<String, Map<String, Object>> flavors = new LinkedHashMap<>();
        flavorMap.forEach((k, v) -> flavors.put(String.valueOf(k), v instanceof Map<?, ?> vm ? cast(vm) : Map.of()));
        ModelSignature signature = m.get("signature") instanceof Map<?, ?> s ? ModelSignature.fromMlmodelMap(s) : null;
        Map<String, Object> example = m.get("saved_input_example_info") instanceof Map<?, ?> e ? cast(e) : null;
        return new MlmodelFile(str(m.get("artifact_path"), "model"), str(m.get("run_id"), null),
                str(m.get("utc_time_created"), null), str(m.get("mlflow_version"), null), str(m.get("model_uuid"), null),
                flavors, signature, example);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String str(Object o, String fallback) {
        return o == null ? fallback : o.toString();
    }
}
