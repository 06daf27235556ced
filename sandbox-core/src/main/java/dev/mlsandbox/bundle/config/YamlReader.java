package dev.mlsandbox.bundle.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML (or JSON) file into a {@link Value} tree that keeps every line and column.
 *
 * <p>SnakeYAML's composer gives nodes with their marks; the scalars are then typed the YAML 1.2
 * way, as the Go YAML library behind the Databricks CLI does ({@code yes}, {@code on} and
 * {@code 0755}-style octals stay what 1.2 says, not what YAML 1.1 said). Merge keys
 * ({@code <<: *defaults}) are applied, explicit keys winning; a key written twice in one mapping
 * is an error, as in the CLI.
 */
public final class YamlReader {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL_TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern BOOL_FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern INT_OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern INT_HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    /** The result of reading one file: the tree (null when unreadable) and what went wrong. */
    public record Result(Value value, List<Diagnostic> diagnostics) {
    }

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

    private YamlReader(String file) {
        this.file = file;
    }

    /** Reads {@code path}, naming it {@code displayName} (relative to the bundle root) in locations. */
    public static Result read(Path path, String displayName) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result(null, List.of(Diagnostic.error("failed to read " + displayName + ": " + e.getMessage(),
                    ConfigPath.root(), null)));
        }
        return parse(text, displayName);
    }

    public static Result parse(String text, String displayName) {
        YamlReader r = new YamlReader(displayName);
        Value v = r.compose(new StringReader(text));
        return new Result(v, List.copyOf(r.diagnostics));
    }

    private Value compose(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        options.setAllowRecursiveKeys(false);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(reader), options), new NoImplicitTypes(), options);
            Node root = composer.getSingleNode();
            if (root == null) {
                return MapValue.empty(new Location(file, 1, 1));
            }
            return convert(root);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            diagnostics.add(Diagnostic.error("yaml: " + problem.strip(), ConfigPath.root(), m == null ? null : location(m)));
            return null;
        } catch (YAMLException e) {
            diagnostics.add(Diagnostic.error("yaml: " + e.getMessage(), ConfigPath.root(), new Location(file, 1, 1)));
            return null;
        }
    }

    private Location location(Mark m) {
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private Value convert(Node node) {
        boolean anchored = node.getAnchor() != null;
        Location at = location(node.getStartMark());
        if (node instanceof ScalarNode s) {
            return new ScalarValue(scalar(s), at, anchored);
        }
        if (inProgress.containsKey(node)) {
            diagnostics.add(Diagnostic.error("yaml: a recursive alias refers to its own anchor", ConfigPath.root(), at));
            return ScalarValue.nil(at);
        }
        inProgress.put(node, Boolean.TRUE);
        try {
            if (node instanceof SequenceNode q) {
                List<Value> items = new ArrayList<>();
                for (Node child : q.getValue()) {
                    items.add(convert(child));
                }
                return new SeqValue(items, at, anchored);
            }
            return mapping((MappingNode) node, at, anchored);
        } finally {
            inProgress.remove(node);
        }
    }

    private Value mapping(MappingNode m, Location at, boolean anchored) {
        Map<String, MapValue.Entry> entries = new LinkedHashMap<>();
        List<MapValue.Entry> merged = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            Location keyAt = location(k.getStartMark());
            if (!(k instanceof ScalarNode ks)) {
                diagnostics.add(Diagnostic.error("yaml: a mapping key must be a string, found a " + (k instanceof SequenceNode
                        ? "sequence" : "map"), ConfigPath.root(), keyAt));
                continue;
            }
            String key = ks.getValue();
            if (ks.isPlain() && key.equals("<<")) {
                mergeKey(t.getValueNode(), merged);
                continue;
            }
            MapValue.Entry previous = entries.get(key);
            if (previous != null) {
                diagnostics.add(Diagnostic.error("yaml: mapping key \"" + key + "\" already defined at line "
                        + previous.keyLocation().line(), ConfigPath.root(), keyAt));
                continue;
            }
            entries.put(key, new MapValue.Entry(key, keyAt, convert(t.getValueNode())));
        }
        for (MapValue.Entry e : merged) {
            entries.putIfAbsent(e.key(), e);
        }
        return new MapValue(new ArrayList<>(entries.values()), at, anchored);
    }

    /** {@code <<: *a} or {@code <<: [*a, *b]}: earlier sources win over later ones, explicit keys over all. */
    private void mergeKey(Node source, List<MapValue.Entry> into) {
        List<Node> sources = source instanceof SequenceNode q ? q.getValue() : List.of(source);
        for (Node s : sources) {
            Value v = convert(s);
            if (v instanceof MapValue mv) {
                for (MapValue.Entry e : mv.entries()) {
                    if (into.stream().noneMatch(x -> x.key().equals(e.key()))) {
                        into.add(e);
                    }
                }
            } else {
                diagnostics.add(Diagnostic.error("yaml: map merge requires map or sequence of maps as the value",
                        ConfigPath.root(), v.location()));
            }
        }
    }

    /** Plain scalars typed by YAML 1.2's core schema; quoted and block scalars are strings. */
    private static Object scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (!s.isPlain() || !Tag.STR.equals(tag)) {
            // quoted or block (a string unless tagged), or explicitly tagged: !!int "3"
            return explicit(tag, v);
        }
        if (NULL.matcher(v).matches()) {
            return null;
        }
        if (BOOL_TRUE.matcher(v).matches()) {
            return Boolean.TRUE;
        }
        if (BOOL_FALSE.matcher(v).matches()) {
            return Boolean.FALSE;
        }
        try {
            if (INT.matcher(v).matches()) {
                return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
            }
            if (INT_OCT.matcher(v).matches()) {
                return Long.parseLong(v.substring(2), 8);
            }
            if (INT_HEX.matcher(v).matches()) {
                return Long.parseLong(v.substring(2), 16);
            }
        } catch (NumberFormatException tooBig) {
            return Double.parseDouble(v);
        }
        if (FLOAT.matcher(v).matches()) {
            return Double.parseDouble(v);
        }
        if (INF.matcher(v).matches()) {
            return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(v).matches()) {
            return Double.NaN;
        }
        return v;
    }

    /** A scalar with an explicit tag ({@code !!int 3}) or a quoted one. */
    private static Object explicit(Tag tag, String v) {
        if (Tag.INT.equals(tag)) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (Tag.BOOL.equals(tag)) {
            return BOOL_TRUE.matcher(v).matches() ? Boolean.TRUE : BOOL_FALSE.matcher(v).matches() ? Boolean.FALSE : v;
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        return v;
    }

    /** A resolver that types nothing by itself: plain scalars arrive as strings, typed above. */
    private static final class NoImplicitTypes extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // YAML 1.1's implicit types (yes/no booleans, sexagesimal numbers) are not what the CLI reads
        }
    }
}
