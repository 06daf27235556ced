package dev.mlsandbox.bundle.deploy;

import dev.mlsandbox.bundle.model.ResourceKey;

/** What deploy or destroy did to one resource; {@link #line()} is the CLI's "Created jobs.train". */
public record DeployAction(Kind kind, ResourceKey key) {

    /** The CLI's actions, with the word its deploy summary prints. */
    public enum Kind {
        CREATE("Created"), UPDATE("Updated"), DELETE("Deleted"), UNCHANGED("Unchanged");

        private final String past;

        Kind(String past) {
            this.past = past;
        }

        public String past() {
            return past;
        }
    }

    public String line() {
        return kind.past() + " " + key;
    }
}
