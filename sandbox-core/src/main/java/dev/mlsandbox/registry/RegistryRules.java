package dev.mlsandbox.registry;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mlsandbox.governance.NameRules;
import dev.mlsandbox.registry.model.MlmodelFile;

/**
 * The registry's rules that do not depend on storage: names, aliases, version numbers, stages and
 * the signature requirement, per {@link RegistryMode}.
 */
public final class RegistryRules {

    /** MLflow's alias rule: letters, digits, underscore and hyphen. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+");
    /** {@code v1}, {@code V12}: reserved, because {@code @v3} would read like version 3. */
    private static final Pattern VERSION_ALIAS = Pattern.compile("[vV]\\d+");
    public static final Set<String> STAGES = Set.of("None", "Staging", "Production", "Archived");

    private RegistryRules() {
    }

    /**
     * Validates a registered model name and returns it as stored. Unity Catalog: exactly
     * {@code catalog.schema.model}, each part 1-255 characters without period, space, '/',
     * control characters or DEL, stored lower-case. Workspace: one non-empty name without '/' or ':'.
     */
    public static String modelName(RegistryMode mode, String name) {
        if (name == null || name.isBlank()) {
            throw new RegistryRuleException("a registered model name is required"
                    + (mode.unityCatalog() ? " (catalog.schema.model)" : ""));
        }
        if (!mode.unityCatalog()) {
            if (name.contains("/") || name.contains(":")) {
                throw new RegistryRuleException("model name '" + name + "' may not contain '/' or ':' (they would break"
                        + " models:/ URIs); choose another name");
            }
            return name;
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 3) {
            throw new RegistryRuleException("model name '" + name + "' must be three-level, catalog.schema.model (it has "
                    + parts.length + " part" + (parts.length == 1 ? "" : "s") + "); Unity Catalog names a model inside a"
                    + " schema inside a catalog, e.g. main.ml.churn");
        }
        String[] what = {"catalog", "schema", "model"};
        for (int i = 0; i < 3; i++) {
            String problem = NameRules.problem(parts[i]);
            if (problem != null) {
                throw new RegistryRuleException("the " + what[i] + " part '" + parts[i] + "' of model name '" + name + "' is "
                        + problem + "; each part " + NameRules.RULE);
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Validates an alias and returns it as stored: {@code [A-Za-z0-9_-]+}, at most 255
     * characters, not {@code latest} (any case) and not {@code v<number>}. Unity Catalog stores
     * it lower-case, so {@code @Champion} and {@code @champion} are the same alias; the workspace
     * registry keeps the case.
     */
    public static String alias(RegistryMode mode, String alias) {
        if (alias == null || alias.isEmpty()) {
            throw new RegistryRuleException("an alias name is required");
        }
        if (alias.length() > 255 || !ALIAS.matcher(alias).matches()) {
            throw new RegistryRuleException("Invalid alias name: '" + alias + "'. Names may only contain alphanumerics,"
                    + " underscores (_) and hyphens (-), at most 255 characters");
        }
        if (alias.equalsIgnoreCase("latest")) {
            throw new RegistryRuleException("Alias '" + alias + "' is reserved: 'latest' (in any case) always means the"
                    + " newest version; pick another alias such as 'champion'");
        }
        if (VERSION_ALIAS.matcher(alias).matches()) {
            throw new RegistryRuleException("Version alias name '" + alias + "' is reserved: @" + alias
                    + " would read as a version number; pick another alias");
        }
        return mode.unityCatalog() ? alias.toLowerCase(Locale.ROOT) : alias;
    }

    /** The number of the next version: one more than the highest ever issued, so deleted numbers stay retired. */
    public static long nextVersion(long highestEverIssued) {
        return highestEverIssued + 1;
    }

    /** Validates a stage transition: refused in Unity Catalog, one of the four stages otherwise. */
    public static String stage(RegistryMode mode, String name, long version, String stage) {
        if (mode.unityCatalog()) {
            throw new RegistryRuleException("Unity Catalog has no stages: transitioning version " + version + " of " + name
                    + " to '" + stage + "' is not supported. Use aliases instead, e.g. set alias 'champion' on version "
                    + version + " (POST /api/2.0/mlflow/registered-models/alias {\"name\": \"" + name
                    + "\", \"alias\": \"champion\", \"version\": \"" + version + "\"}) and load models:/" + name + "@champion");
        }
        for (String s : STAGES) {
            if (s.equalsIgnoreCase(stage)) {
                return s;
            }
        }
        throw new RegistryRuleException("unknown stage '" + stage + "': expected one of None, Staging, Production, Archived");
    }

    /**
     * Unity Catalog refuses a version whose model has no signature with both inputs and outputs
     * (MLflow's message says the same); the workspace registry accepts it.
     */
    public static void requireSignature(RegistryMode mode, String name, MlmodelFile mlmodel) {
        if (!mode.unityCatalog()) {
            return;
        }
        if (mlmodel == null || mlmodel.signature() == null || mlmodel.signature().outputs() == null) {
            throw new RegistryRuleException("Model passed for registration as " + name + " did not contain any signature"
                    + " metadata with both inputs and outputs. All models in Unity Catalog must be logged with a model"
                    + " signature; infer one from the training and prediction frames (ModelSignature.infer) and log the"
                    + " model again");
        }
    }
}
