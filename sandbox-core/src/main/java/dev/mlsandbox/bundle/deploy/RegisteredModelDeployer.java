package dev.mlsandbox.bundle.deploy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.model.Grant;
import dev.mlsandbox.bundle.model.ModelAlias;
import dev.mlsandbox.bundle.model.ModelReader;
import dev.mlsandbox.bundle.model.RegisteredModel;
import dev.mlsandbox.bundle.model.ResourceKey;
import dev.mlsandbox.governance.Privilege;
import dev.mlsandbox.governance.SecurableType;
import dev.mlsandbox.http.Json;

/**
 * {@code resources.registered_models}: Unity Catalog models on the sandbox registry, with their
 * comment, grants and aliases.
 * <ul>
 *   <li>Grants are authoritative, as with the Terraform resource the CLI deploys through: after a
 *       deploy the model carries exactly the bundle's grants (others made on the model are revoked;
 *       grants inherited from the catalog or schema are untouched). They need a server started with
 *       {@code --auth}, and every principal must be a user or group of its directory: checked before
 *       anything changes, with the grant's position.</li>
 *   <li>An alias can only point at a version that exists: on the first deploy the model has none,
 *       which is the bundle version of the known first-deploy pain (register a version, then pin
 *       it).</li>
 *   <li>A model of the same name that this deployment did not create is an error; moving a model to
 *       another catalog or schema is refused (it would mean deleting it with its versions); a rename
 *       within the schema is a rename. Removing the model from the bundle deletes it, versions and
 *       all, on the next deploy, without asking: the CLI does not ask either.</li>
 * </ul>
 */
public final class RegisteredModelDeployer implements ResourceDeployer {

    static final String RM = "/api/2.0/mlflow/registered-models";
    static final String MV = "/api/2.0/mlflow/model-versions";
    static final String PERMISSIONS = "/api/2.1/unity-catalog/permissions/function/";
    static final String SQL = "/api/2.0/sql/statements";

    @Override
    public String type() {
        return "registered_models";
    }

    @Override
    public void check(DeployContext ctx, Diagnostics d) {
        for (RegisteredModel m : ctx.config().registeredModels().values()) {
            List<String> missing = new ArrayList<>();
            for (String[] f : new String[][]{{"catalog_name", m.catalogName()}, {"schema_name", m.schemaName()},
                    {"name", m.name()}}) {
                if (f[1] == null || f[1].isBlank()) {
                    missing.add(f[0]);
                }
            }
            if (!missing.isEmpty()) {
                d.error("a Unity Catalog model needs catalog_name, schema_name and name; missing: " + String.join(", ", missing),
                        m.key().path(), m.location());
                continue;
            }
            StateEntry deployed = ctx.previous(m.key());
            if (deployed != null && !schemaOf(deployed.id()).equals(m.catalogName() + "." + m.schemaName())) {
                d.error("moving " + deployed.id() + " to " + m.fullName() + " would delete it with its versions: Unity Catalog"
                        + " renames a model only within its schema. Destroy it first, or keep its catalog and schema",
                        m.key().path().key("schema_name"), m.location());
                continue;
            }
            if (deployed == null) {
                existing(ctx, m, d);
            }
            privileges(m, d);
            principals(ctx, m, d);
            aliases(ctx, m, deployed, d);
        }
    }

    private static void existing(DeployContext ctx, RegisteredModel m, Diagnostics d) {
        try {
            ctx.api().get(RM + "/get", "name", m.fullName());
            d.error("registered model " + m.fullName() + " already exists on " + ctx.api().server() + " and is not part of"
                    + " this deployment: rename it in the bundle, or delete that model first", m.key().path().key("name"),
                    m.location());
        } catch (RemoteException e) {
            if (e.status() == 403) {
                d.error("registered model " + m.fullName() + " already exists and " + e.getMessage(), m.key().path(), m.location());
            } else if (!e.notFound()) {
                throw e;
            }
        }
    }

    private static void privileges(RegisteredModel m, Diagnostics d) {
        for (Grant g : m.grants()) {
            if (g.principal() == null || g.principal().isBlank()) {
                d.error("a grant needs a principal", g.path(), g.location());
            }
            for (String p : g.privileges()) {
                Optional<Privilege> parsed = Privilege.parse(p);
                if (parsed.isEmpty() || !parsed.get().grantableOn(SecurableType.FUNCTION)) {
                    d.error("privilege " + p + " cannot be granted on a registered model; use EXECUTE, APPLY_TAG, MANAGE or"
                            + " ALL_PRIVILEGES", g.path().key("privileges"), g.location());
                }
            }
        }
    }

    /** The schema must exist under --auth, and every principal must be known: SHOW GRANTS asks the server. */
    private static void principals(DeployContext ctx, RegisteredModel m, Diagnostics d) {
        String schema = "`" + m.catalogName() + "`.`" + m.schemaName() + "`";
        try {
            ctx.api().post(SQL, SandboxApi.body().put("statement", "SHOW GRANTS ON SCHEMA " + schema));
        } catch (RemoteException e) {
            if (e.errorCode().equals("INVALID_STATE")) {
                if (!m.grants().isEmpty()) {
                    Grant g = m.grants().get(0);
                    d.error("grants need principals, and the server at " + ctx.api().server() + " runs without --auth: "
                            + e.getMessage(), g.path(), g.location());
                }
                return;
            }
            if (e.notFound()) {
                d.error(e.getMessage(), m.key().path().key("schema_name"), m.location());
                return;
            }
            throw e;
        }
        for (Grant g : m.grants()) {
            if (g.principal() == null || g.principal().isBlank()) {
                continue;
            }
            try {
                ctx.api().post(SQL, SandboxApi.body().put("statement", "SHOW GRANTS `" + g.principal() + "` ON SCHEMA " + schema));
            } catch (RemoteException e) {
                if (!e.notFound()) {
                    throw e;
                }
                d.error("grant to unknown principal '" + g.principal() + "': " + e.getMessage(), g.path().key("principal"),
                        g.principalLocation());
            }
        }
    }

    private static void aliases(DeployContext ctx, RegisteredModel m, StateEntry deployed, Diagnostics d) {
        for (ModelAlias a : m.aliases()) {
            if (a.versionNum() < 1) {
                d.error("alias '" + a.aliasName() + "' needs a version_num (a version number, 1 or more)", a.path(), a.location());
                continue;
            }
            if (deployed == null) {
                d.error("alias '" + a.aliasName() + "' points at version " + a.versionNum() + " of " + m.fullName() + ", which"
                        + " does not exist yet: this deploy creates the model with no versions. Register a version first"
                        + " (run the training job), then add the alias", a.path(), a.location());
                continue;
            }
            if (ctx.api().find(MV + "/get", "name", deployed.id(), "version", Long.toString(a.versionNum())) == null) {
                d.error("alias '" + a.aliasName() + "' points at version " + a.versionNum() + " of " + deployed.id()
                        + ", which does not exist", a.path(), a.location());
            }
        }
    }

    @Override
    public Planned plan(DeployContext ctx, ResourceKey key, MapValue r) {
        RegisteredModel m = ModelReader.model(key, r);
        ObjectNode spec = Json.mapper().createObjectNode();
        spec.put("full_name", m.fullName());
        if (m.comment() != null) {
            spec.put("comment", m.comment());
        }
        ObjectNode grants = spec.putObject("grants");
        desiredGrants(m).forEach((principal, privileges) -> {
            ArrayNode a = grants.putArray(principal);
            privileges.forEach(a::add);
        });
        ObjectNode aliases = spec.putObject("aliases");
        for (ModelAlias a : m.aliases()) {
            aliases.put(a.aliasName().toLowerCase(Locale.ROOT), a.versionNum());
        }
        return new Planned(m.fullName(), spec);
    }

    private static Map<String, TreeSet<String>> desiredGrants(RegisteredModel m) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (Grant g : m.grants()) {
            TreeSet<String> ps = out.computeIfAbsent(g.principal(), k -> new TreeSet<>());
            g.privileges().forEach(p -> ps.add(Privilege.parse(p).map(Privilege::apiName).orElse(p)));
        }
        return out;
    }

    @Override
    public Applied create(DeployContext ctx, ResourceKey key, Planned p) {
        SandboxApi api = ctx.api();
        JsonNode spec = p.spec();
        ObjectNode body = SandboxApi.body().put("name", p.name());
        if (spec.has("comment")) {
            body.put("description", spec.path("comment").asText());
        }
        api.post(RM + "/create", body);
        Undo undo = () -> api.delete(RM + "/delete", SandboxApi.body().put("name", p.name()));
        try {
            setGrants(api, p.name(), grants(spec));
            setAliases(api, p.name(), spec.path("aliases"), Map.of());
        } catch (RuntimeException e) {
            runQuietly(undo, e);
            throw e;
        }
        return new Applied(new StateEntry(key, p.name(), p.name(), spec), undo);
    }

    @Override
    public Applied update(DeployContext ctx, StateEntry deployed, Planned p) {
        SandboxApi api = ctx.api();
        JsonNode before = deployed.spec();
        JsonNode after = p.spec();
        String name = deployed.id();
        List<Undo> undos = new ArrayList<>();
        try {
            if (!name.equals(p.name())) {
                api.post(RM + "/rename", SandboxApi.body().put("name", name).put("new_name", p.name()));
                undos.add(() -> api.post(RM + "/rename", SandboxApi.body().put("name", p.name()).put("new_name", name)));
            }
            String current = p.name();
            if (!before.path("comment").equals(after.path("comment"))) {
                String old = before.path("comment").asText("");
                api.patch(RM + "/update", SandboxApi.body().put("name", current).put("description", after.path("comment").asText("")));
                undos.add(0, () -> api.patch(RM + "/update", SandboxApi.body().put("name", current).put("description", old)));
            }
            Map<String, TreeSet<String>> oldGrants = serverGrants(api, current);
            Map<String, TreeSet<String>> newGrants = grants(after);
            if (!oldGrants.equals(newGrants)) {
                setGrants(api, current, newGrants, oldGrants);
                undos.add(0, () -> setGrants(api, current, oldGrants, serverGrants(api, current)));
            }
            Map<String, Long> oldAliases = serverAliases(api, current, before.path("aliases"), after.path("aliases"));
            setAliases(api, current, after.path("aliases"), oldAliases);
            undos.add(0, () -> restoreAliases(api, current, oldAliases));
        } catch (RuntimeException e) {
            undos.forEach(u -> runQuietly(u, e));
            throw e;
        }
        return new Applied(new StateEntry(deployed.key(), p.name(), p.name(), after), () -> undos.forEach(Undo::run));
    }

    @Override
    public Applied delete(DeployContext ctx, StateEntry deployed) {
        try {
            ctx.api().delete(RM + "/delete", SandboxApi.body().put("name", deployed.id()));
        } catch (RemoteException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
        // a deleted model takes its versions with it: nothing can put it back
        return new Applied(null, Undo.NOTHING);
    }

    @Override
    public boolean exists(DeployContext ctx, StateEntry deployed) {
        return ctx.api().find(RM + "/get", "name", deployed.id()) != null;
    }

    @Override
    public String url(SandboxApi api, StateEntry deployed) {
        return api.server() + RM + "/get?name=" + SandboxApi.enc(deployed.id());
    }

    private static String schemaOf(String fullName) {
        int dot = fullName.lastIndexOf('.');
        return dot < 0 ? fullName : fullName.substring(0, dot);
    }

    private static Map<String, TreeSet<String>> grants(JsonNode spec) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        spec.path("grants").fields().forEachRemaining(e -> {
            TreeSet<String> ps = new TreeSet<>();
            e.getValue().forEach(p -> ps.add(p.asText()));
            out.put(e.getKey(), ps);
        });
        return out;
    }

    /** The grants made on the model itself (not inherited), by principal. */
    private static Map<String, TreeSet<String>> serverGrants(SandboxApi api, String name) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        JsonNode assignments;
        try {
            assignments = api.get(PERMISSIONS + SandboxApi.enc(name)).path("privilege_assignments");
        } catch (RemoteException e) {
            if (e.errorCode().equals("INVALID_STATE")) {
                return out;
            }
            throw e;
        }
        for (JsonNode a : assignments) {
            TreeSet<String> ps = new TreeSet<>();
            a.path("privileges").forEach(p -> ps.add(p.asText()));
            out.put(a.path("principal").asText(), ps);
        }
        return out;
    }

    private static void setGrants(SandboxApi api, String name, Map<String, TreeSet<String>> desired) {
        if (!desired.isEmpty()) {
            setGrants(api, name, desired, Map.of());
        }
    }

    /** One PATCH that turns {@code current} into {@code desired}. */
    private static void setGrants(SandboxApi api, String name, Map<String, TreeSet<String>> desired,
                                  Map<String, TreeSet<String>> current) {
        ObjectNode body = SandboxApi.body();
        ArrayNode changes = body.putArray("changes");
        TreeSet<String> principals = new TreeSet<>(desired.keySet());
        principals.addAll(current.keySet());
        for (String principal : principals) {
            TreeSet<String> want = desired.getOrDefault(principal, new TreeSet<>());
            TreeSet<String> have = current.getOrDefault(principal, new TreeSet<>());
            TreeSet<String> add = new TreeSet<>(want);
            add.removeAll(have);
            TreeSet<String> remove = new TreeSet<>(have);
            remove.removeAll(want);
            if (add.isEmpty() && remove.isEmpty()) {
                continue;
            }
            ObjectNode c = changes.addObject().put("principal", principal);
            add.forEach(c.putArray("add")::add);
            remove.forEach(c.putArray("remove")::add);
        }
        if (!changes.isEmpty()) {
            api.patch(PERMISSIONS + SandboxApi.enc(name), body);
        }
    }

    /** Where each alias the change touches points now (null: nowhere). */
    private static Map<String, Long> serverAliases(SandboxApi api, String name, JsonNode before, JsonNode after) {
        Map<String, Long> out = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String alias : names) {
            JsonNode found = api.find(RM + "/alias", "name", name, "alias", alias);
            out.put(alias, found == null ? null : found.path("model_version").path("version").asLong());
        }
        return out;
    }

    /** Points every alias of {@code desired} at its version; aliases the bundle dropped are deleted. */
    private static void setAliases(SandboxApi api, String name, JsonNode desired, Map<String, Long> current) {
        for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            Long now = current.get(a.getKey());
            if (now == null || now != a.getValue().asLong()) {
                api.post(RM + "/alias", SandboxApi.body().put("name", name).put("alias", a.getKey())
                        .put("version", a.getValue().asText()));
            }
        }
        for (Map.Entry<String, Long> c : current.entrySet()) {
            if (!desired.has(c.getKey()) && c.getValue() != null) {
                api.delete(RM + "/alias", SandboxApi.body().put("name", name).put("alias", c.getKey()));
            }
        }
    }

    private static void restoreAliases(SandboxApi api, String name, Map<String, Long> previous) {
        for (Map.Entry<String, Long> a : previous.entrySet()) {
            if (a.getValue() == null) {
                try {
                    api.delete(RM + "/alias", SandboxApi.body().put("name", name).put("alias", a.getKey()));
                } catch (RemoteException e) {
                    if (!e.notFound()) {
                        throw e;
                    }
                }
            } else {
                api.post(RM + "/alias", SandboxApi.body().put("name", name).put("alias", a.getKey())
                        .put("version", Long.toString(a.getValue())));
            }
        }
    }

    private static void runQuietly(Undo u, RuntimeException cause) {
        try {
            u.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
