package dev.mlsandbox.drift.lab;

/** What changes over the windows of one simulated stream. */
public enum Scenario {
    STABLE("stable", "nothing changes (the false-alarm baseline)"),
    IRRELEVANT_COVARIATE_SHIFT("covariate-shift-irrelevant", "sudden: device_age (not used by the true relation) "
            + "moves by 1.5 std"),
    GRADUAL_COVARIATE_SHIFT("covariate-shift-gradual", "gradual: tenure's mean falls by up to 1 std"),
    PRIOR_SHIFT("prior-shift", "sudden: the churn rate rises (P(x | y) unchanged)"),
    SUDDEN_CONCEPT_DRIFT("concept-drift-sudden", "sudden: inputs unchanged, tenure's effect on churn reverses"),
    GRADUAL_CONCEPT_DRIFT("concept-drift-gradual", "gradual: inputs unchanged, tenure's effect fades and reverses");

    private final String id;
    private final String description;

    Scenario(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether the change is a step at the middle window (otherwise a ramp over all windows). */
    public boolean sudden() {
        return this == IRRELEVANT_COVARIATE_SHIFT || this == PRIOR_SHIFT || this == SUDDEN_CONCEPT_DRIFT;
    }

    /** Strength of the change in window w of n: 0 before, 1 at full strength. */
    public double intensity(int w, int n) {
        if (this == STABLE) {
            return 0.0;
        }
        if (sudden()) {
            return w >= n / 2 ? 1.0 : 0.0;
        }
        return n <= 1 ? 1.0 : (double) w / (n - 1);
    }
}
