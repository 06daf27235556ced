package dev.mlsandbox.registry.server;

import java.util.List;

import dev.mlsandbox.store.Dialect;
import dev.mlsandbox.store.Migration;

/**
 * The registry's tables in the tracking store, as numbered migrations of component
 * {@value #COMPONENT}. Append a migration to change them; never edit one that has shipped.
 */
public final class RegistrySchema {
    public static final String COMPONENT = "registry";

    private RegistrySchema() {
    }

    public static List<Migration> migrations() {
        return List.of(new Migration(COMPONENT, 1, "registered models, versions, aliases, tags, UC securables and grants",
                d -> List.of(
                        // max_version only grows: a deleted version's number is never issued again
                        "CREATE TABLE registered_models (name " + d.varchar(767) + " PRIMARY KEY, creation_time " + d.bigint()
                                + " NOT NULL, last_updated_time " + d.bigint() + " NOT NULL, description " + d.text()
                                + ", user_id " + d.varchar(256) + ", max_version " + d.bigint() + " NOT NULL)",
                        "CREATE TABLE registered_model_tags (name " + d.varchar(767) + " NOT NULL, key " + d.varchar(250)
                                + " NOT NULL, value " + d.text() + ", PRIMARY KEY (name, key))",
                        "CREATE TABLE model_versions (name " + d.varchar(767) + " NOT NULL, version " + d.bigint()
                                + " NOT NULL, creation_time " + d.bigint() + " NOT NULL, last_updated_time " + d.bigint()
                                + " NOT NULL, description " + d.text() + ", user_id " + d.varchar(256) + ", current_stage "
                                + d.varchar(20) + " NOT NULL, source " + d.text() + ", run_id " + d.varchar(32) + ", run_link "
                                + d.text() + ", status " + d.varchar(20) + " NOT NULL, storage_location " + d.text()
                                + ", PRIMARY KEY (name, version))",
                        "CREATE TABLE model_version_tags (name " + d.varchar(767) + " NOT NULL, version " + d.bigint()
                                + " NOT NULL, key " + d.varchar(250) + " NOT NULL, value " + d.text()
                                + ", PRIMARY KEY (name, version, key))",
                        // the primary key is what makes an alias point at exactly one version
                        "CREATE TABLE registered_model_aliases (name " + d.varchar(767) + " NOT NULL, alias " + d.varchar(255)
                                + " NOT NULL, version " + d.bigint() + " NOT NULL, PRIMARY KEY (name, alias))",
                        "CREATE TABLE uc_securables (securable_type " + d.varchar(20) + " NOT NULL, full_name "
                                + d.varchar(767) + " NOT NULL, owner " + d.varchar(256) + " NOT NULL, PRIMARY KEY (securable_type, full_name))",
                        "CREATE TABLE uc_grants (seq " + (d == Dialect.POSTGRESQL ? "BIGSERIAL PRIMARY KEY"
                                : "INTEGER PRIMARY KEY AUTOINCREMENT") + ", securable_type " + d.varchar(20) + " NOT NULL, full_name " + d.varchar(767)
                                + " NOT NULL, principal " + d.varchar(256) + " NOT NULL, privilege " + d.varchar(32)
                                + " NOT NULL, UNIQUE (securable_type, full_name, principal, privilege))")));
    }
}
