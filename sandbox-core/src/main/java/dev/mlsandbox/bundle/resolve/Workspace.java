package dev.mlsandbox.bundle.resolve;

import dev.mlsandbox.bundle.config.ConfigPath;
import dev.mlsandbox.bundle.config.Diagnostics;
import dev.mlsandbox.bundle.config.Location;
import dev.mlsandbox.bundle.config.MapValue;
import dev.mlsandbox.bundle.config.ScalarValue;

/**
 * The {@code workspace} section's derived values, as the CLI fills them in: the current user
 * ({@code ${workspace.current_user.*}}); {@code root_path} defaulting to
 * {@code ~/.bundle/<bundle name>/<target>}, with {@code ~} meaning {@code /Workspace/Users/<userName>}
 * and {@code /Users/...} meaning {@code /Workspace/Users/...}; and {@code file_path},
 * {@code artifact_path}, {@code state_path}, {@code resource_path} under it.
 */
public final class Workspace {

    private Workspace() {
    }

    public static MapValue fill(MapValue root, CurrentUser user, Diagnostics d) {
        MapValue ws = root.get("workspace") instanceof MapValue m ? m : MapValue.empty(Location.none());
        MapValue me = MapValue.empty(Location.none())
                .with("userName", Location.none(), text(user.userName()))
                .with("displayName", Location.none(), text(user.userName()))
                .with("short_name", Location.none(), text(user.shortName()))
                .with("domain_friendly_name", Location.none(), text(user.domainFriendlyName()));
        ws = ws.with("current_user", Location.none(), me);
        String rootPath = ws.string("root_path");
        if (rootPath == null || rootPath.isEmpty()) {
            String name = root.string("bundle.name");
            if (name == null || name.isEmpty()) {
                d.error("unable to define default workspace root: bundle name not defined", ConfigPath.of("bundle"),
                        root.get("bundle") == null ? null : root.get("bundle").location());
                return root.with("workspace", ws);
            }
            rootPath = "~/.bundle/" + name + "/" + root.string("bundle.target");
            ws = ws.with("root_path", Location.none(), text(rootPath));
        }
        String expanded = expand(rootPath, user);
        if (!expanded.equals(rootPath)) {
            ws = ws.with("root_path", ScalarValue.of(expanded, ws.get("root_path").location()));
        }
        for (String[] sub : new String[][]{{"file_path", "files"}, {"artifact_path", "artifacts"}, {"state_path", "state"},
                {"resource_path", "resources"}}) {
            if (ws.string(sub[0]) == null) {
                ws = ws.with(sub[0], Location.none(), text(expanded + "/" + sub[1]));
            } else {
                ws = ws.with(sub[0], ScalarValue.of(expand(ws.string(sub[0]), user), ws.get(sub[0]).location()));
            }
        }
        return root.with("workspace", root.has("workspace") ? root.entry("workspace").keyLocation() : Location.none(), ws);
    }

    static String expand(String path, CurrentUser user) {
        String p = path;
        if (p.equals("~") || p.startsWith("~/")) {
            p = "/Workspace/Users/" + user.userName() + p.substring(1);
        }
        if (p.startsWith("/Users/")) {
            p = "/Workspace" + p;
        }
        return p;
    }

    private static ScalarValue text(String s) {
        return ScalarValue.of(s, Location.none());
    }
}
