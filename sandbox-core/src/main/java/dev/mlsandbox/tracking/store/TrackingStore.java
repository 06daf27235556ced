package dev.mlsandbox.tracking.store;

import dev.mlsandbox.store.Database;


/**
 * The tracking store over a database whose tracking migrations ({@link TrackingSchema}) are
 * applied: makes sure the Default experiment (id 0) exists, and hands out {@link
 * ExperimentStore} and {@link RunStore}. Every public method of those is one transaction.
 */
public final class TrackingStore {
    private final Database db;
    private final ExperimentStore experiments;
    private final RunStore runs;
    private final String artifactRoot;

    /**
     * @param db the opened and migrated database (the server owns and closes it)
     * @param artifactRoot where new experiments put their artifacts, e.g. {@code mlflow-artifacts:/}
     */
    public TrackingStore(Database db, String artifactRoot) {
        this.db = db;
        this.artifactRoot = artifactRoot;
        this.experiments = new ExperimentStore(db, artifactRoot);
        this.runs = new RunStore(db, experiments);
        experiments.ensureDefault();
    }

    public Database database() {
        return db;
    }

    public ExperimentStore experiments() {
        return experiments;
    }

    public RunStore runs() {
        return runs;
    }

    public String artifactRoot() {
        return artifactRoot;
    }
}
