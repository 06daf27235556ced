package dev.mlsandbox.bundle.config;

/** How serious a finding is, with the word the Databricks CLI prints before it. */
public enum Severity {
    ERROR("Error"), WARNING("Warning"), RECOMMENDATION("Recommendation");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
