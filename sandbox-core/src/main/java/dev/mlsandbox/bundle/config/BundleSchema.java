package dev.mlsandbox.bundle.config;

import static dev.mlsandbox.bundle.config.FieldType.ANY;
import static dev.mlsandbox.bundle.config.FieldType.BOOL;
import static dev.mlsandbox.bundle.config.FieldType.INT;
import static dev.mlsandbox.bundle.config.FieldType.STRING;
import static dev.mlsandbox.bundle.config.FieldType.enumOf;
import static dev.mlsandbox.bundle.config.FieldType.extend;
import static dev.mlsandbox.bundle.config.FieldType.mapOf;
import static dev.mlsandbox.bundle.config.FieldType.seqOf;
import static dev.mlsandbox.bundle.config.FieldType.struct;

import java.util.List;

import dev.mlsandbox.bundle.config.FieldType.Struct;

/**
 * The fields of {@code databricks.yml} the sandbox knows, written from the Databricks CLI's
 * published bundle schema and the Jobs, MLflow, Unity Catalog, Serving and data-profiling REST
 * APIs: a key not listed here gets the CLI's "unknown field" warning. Subtrees the sandbox
 * accepts without reading (cluster specs, notifications, health rules ...) are {@link FieldType#ANY};
 * their keys are not checked. Required fields ({@code "name!"}) follow the API's required fields,
 * reported as warnings after variables are resolved, as {@code bundle validate} does.
 */
public final class BundleSchema {

    /** The resource types the sandbox deploys or will deploy; the others are accepted and skipped. */
    public static final List<String> SANDBOX_RESOURCES = List.of("jobs", "experiments", "registered_models",
            "model_serving_endpoints", "quality_monitors");

    /** Resource types the CLI knows and the sandbox does not deploy (accepted, warned about, skipped). */
    public static final List<String> OTHER_RESOURCES = List.of("alerts", "apps", "catalogs", "clusters", "dashboards",
            "database_catalogs", "database_instances", "external_locations", "genie_spaces", "instance_pools", "job_runs",
            "models", "pipelines", "postgres_branches", "postgres_catalogs", "postgres_databases", "postgres_endpoints",
            "postgres_projects", "postgres_roles", "postgres_synced_tables", "schemas", "secret_scopes", "secrets",
            "sql_warehouses", "synced_database_tables", "vector_search_endpoints", "vector_search_indexes", "volumes");

    public static final List<String> RUN_IF = List.of("ALL_SUCCESS", "AT_LEAST_ONE_SUCCESS", "NONE_FAILED", "ALL_DONE",
            "AT_LEAST_ONE_FAILED", "ALL_FAILED");

    public static final List<String> CONDITION_OPS = List.of("EQUAL_TO", "GREATER_THAN", "GREATER_THAN_OR_EQUAL",
            "LESS_THAN", "LESS_THAN_OR_EQUAL", "NOT_EQUAL");

    private static final FieldType PAUSE = enumOf("PAUSED", "UNPAUSED");
    private static final FieldType STRINGS = seqOf(STRING);

    static final Struct PERMISSION = struct("Permission", "level!", STRING, "user_name", STRING, "group_name", STRING,
            "service_principal_name", STRING);
    static final Struct RUN_AS = struct("RunAs", "user_name", STRING, "service_principal_name", STRING);
    static final Struct GRANT = struct("PrivilegeAssignment", "principal", STRING, "privileges", STRINGS);
    static final Struct KEY_VALUE = struct("Tag", "key", STRING, "value", STRING);
    static final Struct LIFECYCLE = struct("Lifecycle", "prevent_destroy", BOOL, "started", BOOL, "triggers", ANY);

    static final Struct DEPENDENCY = struct("TaskDependency", "task_key!", STRING, "outcome", STRING);
    static final Struct CONDITION_TASK = struct("ConditionTask", "left!", STRING,
            "op!", enumOf(CONDITION_OPS.toArray(String[]::new)), "right!", STRING);
    static final Struct NOTEBOOK_TASK = struct("NotebookTask", "notebook_path!", STRING, "base_parameters",
            mapOf(STRING), "source", enumOf("WORKSPACE", "GIT"), "warehouse_id", STRING);
    static final Struct PYTHON_WHEEL_TASK = struct("PythonWheelTask", "package_name!", STRING, "entry_point!", STRING,
            "parameters", STRINGS, "named_parameters", mapOf(STRING));
    static final Struct SPARK_JAR_TASK = struct("SparkJarTask", "main_class_name", STRING, "jar_uri", STRING,
            "parameters", STRINGS, "run_as_repl", BOOL);
    static final Struct SPARK_PYTHON_TASK = struct("SparkPythonTask", "python_file!", STRING, "parameters", STRINGS,
            "source", enumOf("WORKSPACE", "GIT"));

    /** Task fields other than the task types. */
    private static final Struct TASK_COMMON = struct("Task", "task_key!", STRING, "description", STRING,
            "depends_on", seqOf(DEPENDENCY), "run_if", enumOf(RUN_IF.toArray(String[]::new)), "disabled", BOOL,
            "existing_cluster_id", STRING, "job_cluster_key", STRING, "new_cluster", ANY, "environment_key", STRING,
            "compute", ANY, "libraries", ANY, "max_retries", INT, "min_retry_interval_millis", INT, "retry_on_timeout", BOOL,
            "timeout_seconds", INT, "email_notifications", ANY, "notification_settings", ANY, "webhook_notifications", ANY,
            "health", ANY, "disable_auto_optimization", BOOL);

    /** The task types, in the order the sandbox looks for them. */
    public static final List<String> TASK_TYPES = List.of("condition_task", "spark_jar_task", "notebook_task",
            "python_wheel_task", "spark_python_task", "spark_submit_task", "sql_task", "dbt_task", "dbt_cloud_task",
            "dbt_platform_task", "pipeline_task", "run_job_task", "for_each_task", "dashboard_task", "alert_task",
            "power_bi_task", "clean_rooms_notebook_task", "gen_ai_compute_task", "ai_runtime_task", "python_operator_task");

    static final Struct TASK = extend(TASK_COMMON, "Task", "condition_task", CONDITION_TASK, "spark_jar_task",
            SPARK_JAR_TASK, "notebook_task", NOTEBOOK_TASK, "python_wheel_task", PYTHON_WHEEL_TASK, "spark_python_task",
            SPARK_PYTHON_TASK, "spark_submit_task", ANY, "sql_task", ANY, "dbt_task", ANY, "dbt_cloud_task", ANY,
            "dbt_platform_task", ANY, "pipeline_task", ANY, "run_job_task", ANY, "for_each_task", ANY, "dashboard_task", ANY,
            "alert_task", ANY, "power_bi_task", ANY, "clean_rooms_notebook_task", ANY, "gen_ai_compute_task", ANY,
            "ai_runtime_task", ANY, "python_operator_task", ANY);

    static final Struct SCHEDULE = struct("CronSchedule", "quartz_cron_expression!", STRING, "timezone_id!", STRING,
            "pause_status", PAUSE, "sql_condition", ANY);
    static final Struct TRIGGER = struct("TriggerSettings", "pause_status", PAUSE, "file_arrival", ANY,
            "periodic", struct("PeriodicTriggerConfiguration", "interval!", INT, "unit!", enumOf("HOURS", "DAYS", "WEEKS")),
            "table_update", ANY, "model", ANY, "sql_condition", ANY);
    static final Struct JOB = struct("Job", "name", STRING, "description", STRING, "tasks", seqOf(TASK),
            "parameters", seqOf(struct("JobParameterDefinition", "name!", STRING, "default!", STRING)),
            "job_clusters", seqOf(struct("JobCluster", "job_cluster_key!", STRING, "new_cluster!", ANY)),
            "schedule", SCHEDULE, "trigger", TRIGGER, "continuous", struct("Continuous", "pause_status", PAUSE,
                    "task_retry_mode", STRING),
            "tags", mapOf(STRING), "max_concurrent_runs", INT, "timeout_seconds", INT, "permissions", seqOf(PERMISSION),
            "run_as", RUN_AS, "email_notifications", ANY, "webhook_notifications", ANY, "notification_settings", ANY,
            "environments", ANY, "git_source", ANY, "health", ANY, "queue", ANY, "budget_policy_id", STRING,
            "usage_policy_id", STRING, "performance_target", STRING, "parent_path", STRING, "edit_mode", STRING,
            "format", STRING, "deployment", ANY, "lifecycle", LIFECYCLE, "triggers", ANY);

    static final Struct EXPERIMENT = struct("MlflowExperiment", "name!", STRING, "artifact_location", STRING,
            "tags", seqOf(KEY_VALUE), "permissions", seqOf(PERMISSION), "lifecycle", LIFECYCLE, "trace_location", ANY);

    static final Struct REGISTERED_MODEL = struct("RegisteredModel", "name", STRING, "catalog_name", STRING,
            "schema_name", STRING, "comment", STRING, "grants", seqOf(GRANT),
            "aliases", seqOf(struct("RegisteredModelAlias", "alias_name", STRING, "version_num", INT, "catalog_name", STRING,
                    "schema_name", STRING, "model_name", STRING, "id", STRING)),
            "storage_location", STRING, "owner", STRING, "full_name", STRING, "metastore_id", STRING, "created_at", INT,
            "created_by", STRING, "updated_at", INT, "updated_by", STRING, "lifecycle", LIFECYCLE);

    static final Struct SERVING_ENDPOINT = struct("ModelServingEndpoint", "name!", STRING, "config", ANY,
            "ai_gateway", ANY, "description", STRING, "tags", seqOf(KEY_VALUE), "permissions", seqOf(PERMISSION),
            "rate_limits", ANY, "route_optimized", BOOL, "budget_policy_id", STRING, "email_notifications", ANY,
            "telemetry_config", ANY, "lifecycle", LIFECYCLE);

    static final Struct QUALITY_MONITOR = struct("QualityMonitor", "table_name!", STRING, "assets_dir!", STRING,
            "output_schema_name!", STRING, "baseline_table_name", STRING, "custom_metrics", ANY,
            "data_classification_config", ANY,
            "inference_log", struct("MonitorInferenceLog", "granularities!", STRINGS, "timestamp_col!", STRING,
                    "model_id_col!", STRING, "prediction_col!", STRING, "problem_type!",
                    enumOf("PROBLEM_TYPE_CLASSIFICATION", "PROBLEM_TYPE_REGRESSION"), "label_col", STRING,
                    "prediction_proba_col", STRING),
            "time_series", struct("MonitorTimeSeries", "granularities!", STRINGS, "timestamp_col!", STRING),
            "snapshot", ANY, "notifications", ANY,
            "schedule", struct("MonitorCronSchedule", "quartz_cron_expression!", STRING, "timezone_id!", STRING,
                    "pause_status", PAUSE),
            "skip_builtin_dashboard", BOOL, "slicing_exprs", STRINGS, "warehouse_id", STRING,
            "latest_monitor_failure_msg", STRING, "lifecycle", LIFECYCLE);

    static final Struct RESOURCES = resources();

    static final Struct WORKSPACE = struct("Workspace", "host", STRING, "profile", STRING, "root_path", STRING,
            "file_path", STRING, "artifact_path", STRING, "state_path", STRING, "resource_path", STRING, "auth_type", STRING,
            "account_id", STRING, "workspace_id", STRING, "client_id", STRING, "google_service_account", STRING,
            "azure_client_id", STRING, "azure_environment", STRING, "azure_login_app_id", STRING, "azure_tenant_id", STRING,
            "azure_use_msi", BOOL, "azure_workspace_resource_id", STRING, "experimental_is_unified_host", BOOL);

    static final Struct BUNDLE = struct("Bundle", "name!", STRING, "cluster_id", STRING, "compute_id", STRING,
            "databricks_cli_version", STRING, "engine", STRING, "uuid", STRING,
            "deployment", struct("Deployment", "fail_on_active_runs", BOOL,
                    "lock", struct("Lock", "enabled", BOOL, "force", BOOL)),
            "git", struct("Git", "branch", STRING, "origin_url", STRING));

    static final Struct LOOKUP = struct("Lookup", "alert", STRING, "cluster", STRING, "cluster_policy", STRING,
            "dashboard", STRING, "instance_pool", STRING, "job", STRING, "metastore", STRING,
            "notification_destination", STRING, "pipeline", STRING, "query", STRING, "service_principal", STRING,
            "warehouse", STRING);

    static final Struct VARIABLE = struct("Variable", "description", STRING, "default", ANY, "lookup", LOOKUP,
            "type", enumOf("complex"));

    static final Struct PRESETS = struct("Presets", "name_prefix", STRING, "tags", mapOf(STRING),
            "jobs_max_concurrent_runs", INT, "trigger_pause_status", STRING, "pipelines_development", BOOL,
            "source_linked_deployment", BOOL, "artifacts_dynamic_version", BOOL);

    static final Struct ARTIFACT = struct("Artifact", "type", STRING, "path", STRING, "build", STRING,
            "executable", STRING, "dynamic_version", BOOL, "files", seqOf(struct("ArtifactFile", "source!", STRING)));

    static final Struct SYNC = struct("Sync", "paths", STRINGS, "include", STRINGS, "exclude", STRINGS);

    static final Struct TARGET = struct("Target", "default", BOOL, "mode", STRING, "bundle", BUNDLE,
            "workspace", WORKSPACE, "variables", mapOf(ANY), "resources", RESOURCES, "presets", PRESETS,
            "artifacts", mapOf(ARTIFACT), "sync", SYNC, "permissions", seqOf(PERMISSION), "run_as", RUN_AS,
            "cluster_id", STRING, "compute_id", STRING, "git", struct("Git", "branch", STRING, "origin_url", STRING));

    /** The whole file. */
    public static final Struct ROOT = struct("Root", "bundle", BUNDLE, "include", STRINGS, "variables",
            mapOf(VARIABLE), "targets", mapOf(TARGET), "environments", mapOf(TARGET), "workspace", WORKSPACE,
            "resources", RESOURCES, "artifacts", mapOf(ARTIFACT), "sync", SYNC, "permissions", seqOf(PERMISSION),
            "run_as", RUN_AS, "presets", PRESETS, "experimental", ANY, "python", ANY, "scripts", ANY);

    private BundleSchema() {
    }

    private static Struct resources() {
        Object[] pairs = new Object[(5 + OTHER_RESOURCES.size()) * 2];
        int i = 0;
        for (Object o : new Object[]{"jobs", JOB, "experiments", EXPERIMENT, "registered_models", REGISTERED_MODEL,
                "model_serving_endpoints", SERVING_ENDPOINT, "quality_monitors", QUALITY_MONITOR}) {
            pairs[i] = o instanceof Struct s ? mapOf(s) : o;
            i++;
        }
        for (String other : OTHER_RESOURCES) {
            pairs[i++] = other;
            pairs[i++] = mapOf(ANY);
        }
        return struct("Resources", pairs);
    }
}
