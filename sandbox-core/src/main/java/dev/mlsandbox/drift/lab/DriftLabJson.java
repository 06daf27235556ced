package dev.mlsandbox.drift.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code model} entry of the lab's report.json. */
final class DriftLabJson {
    private DriftLabJson() {
    }

    static Map<String, Object> model(DriftLabResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trainedWith", "Spark ML LogisticRegression on the reference window");
        m.put("features", new String[] {"tenure", "charges", "device_age", "plan=basic", "plan=pro"});
        m.put("coefficients", r.coefficients());
        m.put("referenceAuc", r.referenceAuc());
        m.put("maxAbsDiffSparkVsJvmScoring", r.sparkAgreement());
        return m;
    }
}
