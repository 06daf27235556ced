package dev.mlsandbox.bundle.config;

/**
 * A configuration value that remembers where it was written: a map, a sequence or a scalar,
 * each with its {@link Location}. Immutable; edits return new values (the tree is small, a few
 * hundred nodes, so copying is cheaper than being clever).
 */
public sealed interface Value permits MapValue, SeqValue, ScalarValue {

    Kind kind();

    Location location();

    /** True for a value that carries a YAML anchor ({@code &name}): the CLI ignores unknown keys there. */
    boolean anchored();

    /** This value, reported as written at {@code location} instead (values copied from elsewhere). */
    Value at(Location location);

    /** The value under a path ({@code resources.jobs.train.tasks[0]}), or null when any step is missing or of another kind. */
    default Value find(ConfigPath path) {
        Value v = this;
        for (ConfigPath.Segment s : path.segments()) {
            if (s instanceof ConfigPath.Key k && v instanceof MapValue m) {
                v = m.get(k.name());
            } else if (s instanceof ConfigPath.Index i && v instanceof SeqValue q && i.index() < q.size()) {
                v = q.get(i.index());
            } else {
                return null;
            }
            if (v == null) {
                return null;
            }
        }
        return v;
    }

    default Value find(String dottedPath) {
        return find(ConfigPath.of(dottedPath));
    }

    /** The scalar's text, or null when absent, null or not a scalar. */
    default String string(String dottedPath) {
        Value v = find(dottedPath);
        return v instanceof ScalarValue s && s.value() != null ? s.text() : null;
    }
}
