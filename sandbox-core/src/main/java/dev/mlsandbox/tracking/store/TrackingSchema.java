package dev.mlsandbox.tracking.store;

import dev.mlsandbox.store.Migration;

import java.util.List;

/**
 * The tracking tables, as numbered migrations of component {@value #COMPONENT}. To change the
 * schema append a migration with the next number; never edit one that has shipped.
 */
public final class TrackingSchema {
    public static final String COMPONENT = "tracking";

    private TrackingSchema() {}

    public static List<Migration> migrations() {
        return List.of(new Migration(COMPONENT, 1, "experiments, runs, params, tags, metrics", d -> List.of(
                "CREATE TABLE experiments (experiment_id " + d.bigint() + " PRIMARY KEY, name " + d.varchar(500)
                        + " NOT NULL UNIQUE, artifact_location " + d.text() + ", lifecycle_stage " + d.varchar(32)
                        + " NOT NULL, creation_time " + d.bigint() + " NOT NULL, last_update_time " + d.bigint() + " NOT NULL)",
                "CREATE TABLE experiment_tags (experiment_id " + d.bigint() + " NOT NULL REFERENCES experiments(experiment_id), key "
                        + d.varchar(250) + " NOT NULL, value " + d.text() + ", PRIMARY KEY (experiment_id, key))",
                "CREATE TABLE runs (run_uuid " + d.varchar(32) + " PRIMARY KEY, name " + d.varchar(250) + ", experiment_id "
                        + d.bigint() + " NOT NULL REFERENCES experiments(experiment_id), user_id " + d.varchar(256) + ", status "
                        + d.varchar(20) + " NOT NULL, start_time " + d.bigint() + " NOT NULL, end_time " + d.bigint()
                        + ", lifecycle_stage " + d.varchar(20) + " NOT NULL, artifact_uri " + d.text() + ", deleted_time " + d.bigint() + ")",
                "CREATE INDEX runs_by_experiment ON runs (experiment_id, start_time)",
                "CREATE TABLE params (run_uuid " + d.varchar(32) + " NOT NULL REFERENCES runs(run_uuid), key " + d.varchar(250)
                        + " NOT NULL, value " + d.text() + " NOT NULL, PRIMARY KEY (run_uuid, key))",
                "CREATE INDEX params_by_key ON params (key, value)",
                "CREATE TABLE tags (run_uuid " + d.varchar(32) + " NOT NULL REFERENCES runs(run_uuid), key " + d.varchar(250)
                        + " NOT NULL, value " + d.text() + ", PRIMARY KEY (run_uuid, key))",
                // Every point of every metric: the history. NaN is stored as is_nan=1 with value 0
                // because SQLite turns NaN into NULL.
                "CREATE TABLE metrics (run_uuid " + d.varchar(32) + " NOT NULL REFERENCES runs(run_uuid), key " + d.varchar(250)
                        + " NOT NULL, value " + d.floatType() + " NOT NULL, is_nan INTEGER NOT NULL, timestamp " + d.bigint()
                        + " NOT NULL, step " + d.bigint() + " NOT NULL)",
                "CREATE INDEX metrics_by_run_key ON metrics (run_uuid, key, step)",
                // The latest point per key (highest step, then timestamp, then value): what runs/get
                // returns and what search filters and orders by.
                "CREATE TABLE latest_metrics (run_uuid " + d.varchar(32) + " NOT NULL REFERENCES runs(run_uuid), key "
                        + d.varchar(250) + " NOT NULL, value " + d.floatType() + " NOT NULL, is_nan INTEGER NOT NULL, timestamp "
                        + d.bigint() + " NOT NULL, step " + d.bigint() + " NOT NULL, PRIMARY KEY (run_uuid, key))",
                "CREATE INDEX latest_metrics_by_key ON latest_metrics (key, value)")));
    }
}
