package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inference parameters of a signature: MLflow's {@code ParamSchema}, stored in {@code MLmodel}
 * as the JSON string {@code signature.params}.
 *
 * @param params names unique
 */
public record ParamSchema(List<ParamSpec> params) {
    public ParamSchema {
        params = List.copyOf(params);
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (ParamSpec p : params) {
            if (!seen.add(p.name())) {
                duplicates.add(p.name());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException("Duplicated parameters found in schema: " + duplicates);
        }
    }

    public static ParamSchema of(ParamSpec... params) {
        return new ParamSchema(List.of(params));
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** MLflow's {@code ParamSchema.to_json}. */
    public String toJson() {
        return PyJson.dumps(params.stream().map(ParamSpec::toJson).toList());
    }

    /** Reads MLflow's JSON form; see {@link SignatureJson}. */
    public static ParamSchema fromJson(String json) {
        return SignatureJson.params(json);
    }
}
