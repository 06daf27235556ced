package dev.mlsandbox.tracking.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The tracking store: opens the database, applies the tracking migrations (plus any a
 * co-hosted module registers, e.g. the model registry), makes sure the Default experiment (id 0)
 * exists, and hands out {@link ExperimentStore} and {@link RunStore}. Every public method of
 * those is one transaction.
 */
public final class TrackingStore implements AutoCloseable {
    private final Database db;
    private final ExperimentStore experiments;
    private final RunStore runs;
    private final String artifactRoot;

    /**
     * @param uri backend store URI ({@code sqlite:///path})
     * @param artifactRoot where new experiments put their artifacts, e.g. {@code mlflow-artifacts:}
     * @param extraMigrations migrations of other components that share this database
     */
    public TrackingStore(String uri, String artifactRoot, List<Migration> extraMigrations) {
        this.db = new Database(StoreUri.parse(uri), 4);
        try {
            List<Migration> all = new ArrayList<>(TrackingSchema.migrations());
            all.addAll(extraMigrations);
            db.migrate(all);
            this.artifactRoot = artifactRoot;
            this.experiments = new ExperimentStore(db, artifactRoot);
            this.runs = new RunStore(db, experiments);
            experiments.ensureDefault();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public TrackingStore(String uri, String artifactRoot) {
        this(uri, artifactRoot, List.of());
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

    @Override
    public void close() {
        db.close();
    }
}
