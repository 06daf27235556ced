package dev.mlsandbox.bundle.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Diagnostic;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.Kind;
import dev.mlsandbox.bundle.config.Location;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.ScalarValue;
import dev.mlsandbox.bundle.config.Severity;
import dev.mlsandbox.bundle.config.Value;
import dev.mlsandbox.bundle.config.YamlReader;

/**
 * Assigns each variable its value, in the Databricks CLI's order of precedence (highest first):
 * <ol>
 *   <li>{@code --var="name=value"} on the command line;</li>
 *   <li>the environment variable {@code BUNDLE_VAR_name};</li>
 *   <li>a lookup ({@code lookup: {service_principal: ...}}, see {@link #lookup});</li>
 *   <li>{@code .databricks/bundle/<target>/variable-overrides.json};</li>
 *   <li>the selected target's value (already merged into {@code default} by the target step);</li>
 *   <li>the variable's own {@code default};</li>
 *   <li>else the CLI's error: "no value assigned to required variable x. ...".</li>
 * </ol>
 * Complex variables ({@code type: complex}) take maps and sequences, and cannot be set from the
 * command line or the environment, as in the CLI. The value lands in
 * {@code variables.<name>.value}, which {@code ${var.name}} reads.
 */
public final class Variables {

    public static final String ENV_PREFIX = "BUNDLE_VAR_";

    private Variables() {
    }

    /** The file the CLI reads per-target defaults from, relative to the bundle root. */
    public static String overridesFile(String target) {
        return ".databricks/bundle/" + target + "/variable-overrides.json";
    }

    public static MapValue assign(MapValue root, Path bundleRoot, String target, List<String> cliVars, Map<String, String> env,
                                  Diagnostics d) {
        if (!(root.get("variables") instanceof MapValue vars)) {
            for (String assignment : cliVars) {
                parseAssignment(assignment, vars(root), d);
            }
            return root;
        }
        Map<String, String> fromCli = new LinkedHashMap<>();
        for (String assignment : cliVars) {
            String[] kv = parseAssignment(assignment, vars, d);
            if (kv != null) {
                fromCli.put(kv[0], kv[1]);
            }
        }
        MapValue fileDefaults = readOverridesFile(bundleRoot, target, d);
        MapValue out = vars;
        for (MapValue.Entry e : vars.entries()) {
            String name = e.key();
            MapValue def = e.value() instanceof MapValue m ? m : MapValue.empty(e.value().location());
            ConfigPath path = ConfigPath.of("variables").key(name);
            boolean complex = "complex".equals(def.string("type"));
            Value value = null;
            if (fromCli.containsKey(name)) {
                if (complex) {
                    d.error("setting variables of complex type via --var flag is not supported: " + name, path, e.keyLocation());
                    continue;
                }
                value = ScalarValue.of(fromCli.get(name), Location.none());
            } else if (env.containsKey(ENV_PREFIX + name)) {
                if (complex) {
                    d.error("setting via environment variables (" + ENV_PREFIX + name + ") is not supported for complex variable "
                            + name, path, e.keyLocation());
                    continue;
                }
                value = ScalarValue.of(env.get(ENV_PREFIX + name), Location.none());
            } else if (def.get("lookup") instanceof MapValue lookup && lookup.size() > 0) {
                value = lookup(name, lookup, path.key("lookup"), d);
            } else if (fileDefaults != null && fileDefaults.get(name) != null && fileDefaults.get(name).kind() != Kind.NIL) {
                Value fv = fileDefaults.get(name);
                boolean complexValue = fv.kind() == Kind.MAP || fv.kind() == Kind.SEQUENCE;
                if (complex != complexValue) {
                    d.error("variable " + name + (complex ? " is of type complex, but the value in the variable file is not a complex type"
                            : " is not of type complex, but the value in the variable file is a complex type"), path, fv.location());
                    continue;
                }
                value = fv;
            } else if (def.get("default") != null && def.get("default").kind() != Kind.NIL) {
                value = def.get("default");
            } else {
                d.add(new Diagnostic(Severity.ERROR, "no value assigned to required variable " + name + ". Variables are usually"
                        + " assigned in databricks.yml, and they can be overridden using \"--var\", the " + ENV_PREFIX + name
                        + " environment variable, or " + overridesFile("<target>"), "", path, List.of(e.keyLocation())));
                continue;
            }
            if (!complex && (value.kind() == Kind.MAP || value.kind() == Kind.SEQUENCE)) {
                d.error("variable " + name + " has a " + value.kind().label() + " value; declare it with 'type: complex' to"
                        + " assign maps or sequences", path, value.location());
                continue;
            }
            out = out.with(name, def.with("value", Location.none(), value));
        }
        return root.with("variables", out);
    }

    private static MapValue vars(MapValue root) {
        return root.get("variables") instanceof MapValue m ? m : MapValue.empty(Location.none());
    }

    private static String[] parseAssignment(String assignment, MapValue vars, Diagnostics d) {
        int eq = assignment.indexOf('=');
        if (eq < 0) {
            d.error("unexpected flag value for variable assignment: " + assignment, ConfigPath.root(), null);
            return null;
        }
        String name = assignment.substring(0, eq);
        if (!vars.has(name)) {
            d.error("variable " + name + " has not been defined", ConfigPath.root(), null);
            return null;
        }
        return new String[]{name, assignment.substring(eq + 1)};
    }

    private static MapValue readOverridesFile(Path bundleRoot, String target, Diagnostics d) {
        if (bundleRoot == null) {
            return null;
        }
        Path file = bundleRoot.resolve(overridesFile(target));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        YamlReader.Result r = YamlReader.read(file, overridesFile(target));
        if (r.value() == null) {
            d.error("failed to parse variables file " + overridesFile(target) + ": " + r.diagnostics().get(0).summary(),
                    ConfigPath.root(), r.diagnostics().get(0).location());
            return null;
        }
        if (!(r.value() instanceof MapValue m)) {
            d.add(new Diagnostic(Severity.ERROR, "failed to parse variables file " + overridesFile(target) + ": invalid format",
                    "Variables file must be a JSON object with the following format:\n{\"var1\": \"value1\", \"var2\": \"value2\"}",
                    null, List.of(r.value().location())));
            return null;
        }
        return m;
    }

    /**
     * A lookup names a workspace object to find its ID. The sandbox's principals are their names, so
     * {@code service_principal: name} resolves to the name (a workspace gives the application ID).
     * Clusters, warehouses, policies, pools, pipelines, jobs and the rest exist only in a workspace:
     * the value becomes a placeholder ({@code lookup:cluster:Shared}), with a warning, which is
     * harmless where the sandbox ignores the field (compute) and visible anywhere else.
     */
    static Value lookup(String name, MapValue lookup, ConfigPath path, Diagnostics d) {
        MapValue.Entry e = lookup.entries().get(0);
        if (lookup.size() > 1) {
            d.error("exactly one lookup type must be set for variable " + name + ", found " + String.join(", ", lookup.keys()),
                    path, lookup.location());
        }
        String target = e.value() instanceof ScalarValue s ? s.text() : "";
        if (e.key().equals("service_principal")) {
            return ScalarValue.of(target, e.value().location());
        }
        d.warning("lookup of a " + e.key().replace('_', ' ') + " resolves only against a Databricks workspace; in the sandbox"
                + " ${var." + name + "} is the placeholder 'lookup:" + e.key() + ":" + target + "'", path.key(e.key()),
                e.keyLocation());
        return ScalarValue.of("lookup:" + e.key() + ":" + target, e.value().location());
    }
}
