package dev.mlsandbox.tuning;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;

/**
 * The content of a {@link ParamMap}: param name to value, sorted by name.
 *
 * <p>In Java and Scala {@code ParamGridBuilder.build()} does not promise an order (its grid is a hash
 * map keyed by params whose hash comes from the estimator's random uid; PySpark's keeps the order the
 * params were added in), so a metric is only meaningful next to the values that produced it. Two param maps with the same names and values have equal
 * keys, whatever object or position they came from; this is what the lab pairs metrics by.
 *
 * @param values param name to value, sorted by name
 */
public record ParamKey(Map<String, Object> values) {

    public ParamKey {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static ParamKey of(ParamMap paramMap) {
        Objects.requireNonNull(paramMap, "paramMap");
        Map<String, Object> values = new TreeMap<>();
        for (ParamPair<?> pair : paramMap.toList()) {
            values.put(pair.param().name(), pair.value());
        }
        return new ParamKey(values);
    }

    /** Compact text for tables and chart labels, e.g. {@code elasticNetParam=0, regParam=0.01}. */
    public String label() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof Double d ? dev.mlsandbox.report.Format.number(d) : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label();
    }
}
