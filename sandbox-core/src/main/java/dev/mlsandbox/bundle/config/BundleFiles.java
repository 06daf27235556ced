package dev.mlsandbox.bundle.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the bundle root and reads {@code databricks.yml} and the files its {@code include} globs
 * name, as the Databricks CLI does: the root is the first directory, from the working directory
 * up, that holds {@code databricks.yml} (or {@code databricks.yaml}, {@code bundle.yml},
 * {@code bundle.yaml}; two of them is an error), or {@code DATABRICKS_BUNDLE_ROOT}; includes are
 * relative globs ({@code *} does not cross a {@code /}, as in Go's filepath.Glob), matched files
 * are loaded in sorted order per entry, a name that is not a glob must match a file, and only the
 * root file may have an {@code include} section. Each file is normalized on its own (unknown
 * fields reported against the file they are in), then merged; a resource key defined twice, in one
 * file or two, is an error.
 */
public final class BundleFiles {

    public static final List<String> ROOT_FILE_NAMES = List.of("databricks.yml", "databricks.yaml", "bundle.yml",
            "bundle.yaml");
    public static final String ROOT_ENV = "DATABRICKS_BUNDLE_ROOT";

    /** The merged configuration of all files and the files read, root first. */
    public record Loaded(MapValue root, List<String> files) {
    }

    private BundleFiles() {
    }

    /** The bundle root for a working directory and environment, or an error diagnostic. */
    public static Path findRoot(Path workingDirectory, Map<String, String> env, Diagnostics d) {
        String fromEnv = env.get(ROOT_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            if (!Files.isDirectory(p) || rootFile(p, d) == null) {
                d.add(new Diagnostic(Severity.ERROR, "Invalid bundle root " + ROOT_ENV + "=\"" + fromEnv + "\"",
                        "The " + ROOT_ENV + " environment variable must point to an existing directory that contains"
                                + " a bundle configuration file.", null, null));
                return null;
            }
            return p.toAbsolutePath().normalize();
        }
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            for (String name : ROOT_FILE_NAMES) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return dir;
                }
            }
        }
        d.add(new Diagnostic(Severity.ERROR, "Unable to locate the bundle root: databricks.yml not found.",
                "Run this command from a directory that contains a bundle, or set the " + ROOT_ENV
                        + " environment variable to the bundle root directory.", null, null));
        return null;
    }

    /** The one configuration file in {@code dir}; two of them is an error. */
    public static Path rootFile(Path dir, Diagnostics d) {
        Path found = null;
        for (String name : ROOT_FILE_NAMES) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                if (found != null) {
                    d.error("multiple bundle root configuration files found in " + dir, ConfigPath.root(), null);
                    return null;
                }
                found = p;
            }
        }
        return found;
    }

    /** Reads the root file and its includes, normalized and merged; null when the root file is unreadable. */
    public static Loaded load(Path root, Diagnostics d) {
        Path rootFile = rootFile(root, d);
        if (rootFile == null) {
            if (!d.hasErrors()) {
                d.error("databricks.yml not found in " + root, ConfigPath.root(), null);
            }
            return null;
        }
        String rootName = rootFile.getFileName().toString();
        MapValue merged = readNormalized(rootFile, rootName, d);
        if (merged == null) {
            return null;
        }
        List<String> files = new ArrayList<>(List.of(rootName));
        Map<String, Location> resourceKeys = new LinkedHashMap<>();
        checkResourceKeys(merged, resourceKeys, d);
        Value include = merged.get("include");
        if (include instanceof SeqValue q) {
            Set<String> seen = new LinkedHashSet<>(List.of(rootName));
            for (int i = 0; i < q.size(); i++) {
                if (!(q.get(i) instanceof ScalarValue s) || !(s.value() instanceof String pattern)) {
                    continue;
                }
                for (String rel : expand(root, pattern, ConfigPath.of("include").index(i), s.location(), d)) {
                    if (!seen.add(rel)) {
                        continue;
                    }
                    MapValue part = readNormalized(root.resolve(rel), rel, d);
                    if (part == null) {
                        continue;
                    }
                    if (part.has("include")) {
                        d.add(new Diagnostic(Severity.ERROR, "Include section is defined outside root file",
                                "An include section is defined in a file that is not " + rootName + ".\nOnly includes"
                                        + " defined in " + rootName + " are applied.", ConfigPath.of("include"),
                                List.of(part.entry("include").keyLocation())));
                        part = part.without("include");
                    }
                    checkResourceKeys(part, resourceKeys, d);
                    merged = (MapValue) Merger.merge(merged, part);
                    files.add(rel);
                }
            }
        }
        return new Loaded(merged, List.copyOf(files));
    }

    private static MapValue readNormalized(Path file, String name, Diagnostics d) {
        YamlReader.Result r = YamlReader.read(file, name);
        d.addAll(r.diagnostics());
        if (r.value() == null) {
            return null;
        }
        if (!(r.value() instanceof MapValue m)) {
            if (r.value().kind() == Kind.NIL) {
                return MapValue.empty(r.value().location());
            }
            d.error("expected map, found " + r.value().kind().label() + ": a bundle file is a mapping of top-level keys"
                    + " (bundle, resources, targets ...)", ConfigPath.root(), r.value().location());
            return null;
        }
        Value v = new Normalizer(d).normalize(BundleSchema.ROOT, m, ConfigPath.root());
        return v instanceof MapValue mv ? mv : MapValue.empty(m.location());
    }

    /** A resource key may name one resource only, across types and files (the CLI's unique-keys check). */
    private static void checkResourceKeys(MapValue file, Map<String, Location> seen, Diagnostics d) {
        if (!(file.get("resources") instanceof MapValue resources)) {
            return;
        }
        for (MapValue.Entry type : resources.entries()) {
            if (!(type.value() instanceof MapValue byKey)) {
                continue;
            }
            for (MapValue.Entry r : byKey.entries()) {
                Location previous = seen.putIfAbsent(r.key(), r.keyLocation());
                if (previous != null) {
                    d.add(new Diagnostic(Severity.ERROR, "multiple resources or scripts have been defined with the same key: "
                            + r.key(), "", ConfigPath.of("resources").key(type.key()).key(r.key()),
                            List.of(previous, r.keyLocation())));
                }
            }
        }
    }

    /** The files an include entry names, relative to the root with '/' separators, sorted. */
    private static List<String> expand(Path root, String pattern, ConfigPath path, Location at, Diagnostics d) {
        if (pattern.startsWith("/") || Path.of(pattern).isAbsolute()) {
            d.error(pattern + ": includes must be relative paths", path, at);
            return List.of();
        }
        List<Path> matches = new ArrayList<>();
        glob(root, List.of(pattern.split("/")), 0, root, matches);
        List<String> out = new ArrayList<>();
        for (Path m : matches) {
            String rel = root.relativize(m).toString().replace('\\', '/');
            if (!(rel.endsWith(".yml") || rel.endsWith(".yaml") || rel.endsWith(".json"))) {
                d.add(new Diagnostic(Severity.ERROR, "Files in the 'include' configuration section must be YAML or JSON files.",
                        "The file " + rel + " in the 'include' configuration section is not a YAML or JSON file, and only"
                                + " such files are supported. To include files to sync, specify them in the 'sync.include'"
                                + " configuration section instead.", path, List.of(at)));
                continue;
            }
            out.add(rel);
        }
        if (matches.isEmpty() && !pattern.matches(".*[*?\\[].*")) {
            d.error(pattern + " defined in 'include' section does not match any files", path, at);
        }
        out.sort(null);
        return out;
    }

    private static void glob(Path root, List<String> segments, int i, Path dir, List<Path> out) {
        String seg = segments.get(i);
        boolean last = i == segments.size() - 1;
        if (seg.isEmpty() || seg.equals(".")) {
            if (last) {
                return;
            }
            glob(root, segments, i + 1, dir, out);
            return;
        }
        if (!seg.matches(".*[*?\\[].*")) {
            Path next = dir.resolve(seg);
            if (last ? Files.isRegularFile(next) : Files.isDirectory(next)) {
                if (last) {
                    out.add(next);
                } else {
                    glob(root, segments, i + 1, next, out);
                }
            }
            return;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + seg.replace("**", "*"));
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path child : ds) {
                if (matcher.matches(child.getFileName())) {
                    children.add(child);
                }
            }
        } catch (IOException e) {
            return;
        }
        children.sort(null);
        for (Path child : children) {
            if (last && Files.isRegularFile(child)) {
                out.add(child);
            } else if (!last && Files.isDirectory(child)) {
                glob(root, segments, i + 1, child, out);
            }
        }
    }
}
