package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a value against its {@link FieldType} the way the Databricks CLI normalizes each file it
 * loads: an unknown key is a warning at the key ("unknown field: x") and is dropped; a value of the
 * wrong kind is a warning ("expected map, found string") and is dropped; a null where a value is
 * expected is a warning ("expected a string value, found null"); numbers and bools where a string
 * is expected become strings, and "true"/"yes"/"on" strings become bools where a bool is
 * expected. A {@code ${...}} reference stands for any type. Keys of YAML anchors (reusable blocks)
 * are not checked.
 */
public final class Normalizer {

    private static final Set<String> TRUE = Set.of("true", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("false", "n", "N", "no", "No", "NO", "off", "Off", "OFF");

    private final Diagnostics diagnostics;

    public Normalizer(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The normalized value, or null when it is dropped (a warning says why). */
    public Value normalize(FieldType type, Value v, ConfigPath path) {
        if (v == null) {
            return null;
        }
        if (type instanceof FieldType.Any) {
            return v;
        }
        if (v instanceof ScalarValue s && s.value() instanceof String str && VarRef.isPure(str)) {
            return v;
        }
        if (type instanceof FieldType.Struct st) {
            return struct(st, v, path);
        }
        if (type instanceof FieldType.MapOf m) {
            return map(m, v, path);
        }
        if (type instanceof FieldType.SeqOf q) {
            return seq(q, v, path);
        }
        if (type instanceof FieldType.Enum) {
            return primitive(Kind.STRING, v, path);
        }
        return primitive(((FieldType.Primitive) type).kind(), v, path);
    }

    /** A struct: known fields by name, an unknown one warned about at its key and dropped. */
    private Value struct(FieldType.Struct type, Value v, ConfigPath path) {
        return entries(v, path, type::field);
    }

    /** A map: every value of the element type. */
    private Value map(FieldType.MapOf type, Value v, ConfigPath path) {
        return entries(v, path, key -> type.element());
    }

    private Value entries(Value v, ConfigPath path, java.util.function.Function<String, FieldType> typeOf) {
        if (v.kind() == Kind.NIL) {
            return v;
        }
        if (!(v instanceof MapValue m)) {
            return mismatch(Kind.MAP, v, path);
        }
        List<MapValue.Entry> out = new ArrayList<>();
        for (MapValue.Entry e : m.entries()) {
            FieldType ft = typeOf.apply(e.key());
            if (ft == null) {
                if (!isAnchorContainer(e.value())) {
                    diagnostics.warning("unknown field: " + e.key(), path, e.keyLocation());
                }
                continue;
            }
            Value nv = normalize(ft, e.value(), path.key(e.key()));
            if (nv != null) {
                out.add(new MapValue.Entry(e.key(), e.keyLocation(), nv));
            }
        }
        return new MapValue(out, m.location(), m.anchored());
    }

    private Value seq(FieldType.SeqOf type, Value v, ConfigPath path) {
        if (v.kind() == Kind.NIL) {
            return v;
        }
        if (!(v instanceof SeqValue q)) {
            return mismatch(Kind.SEQUENCE, v, path);
        }
        List<Value> out = new ArrayList<>();
        for (Value item : q.items()) {
            Value nv = normalize(type.element(), item, path.index(out.size()));
            if (nv != null) {
                out.add(nv);
            }
        }
        return q.withItems(out);
    }

    private Value primitive(Kind expected, Value v, ConfigPath path) {
        if (!(v instanceof ScalarValue s)) {
            return mismatch(expected, v, path);
        }
        Object x = s.value();
        if (x == null) {
            diagnostics.warning("expected a " + expected.label() + " value, found null", path, v.location());
            return null;
        }
        switch (expected) {
            case STRING:
                return x instanceof String ? s : ScalarValue.of(s.text(), s.location());
            case BOOL:
                if (x instanceof Boolean) {
                    return s;
                }
                if (x instanceof String str && TRUE.contains(str)) {
                    return ScalarValue.of(Boolean.TRUE, s.location());
                }
                if (x instanceof String str && FALSE.contains(str)) {
                    return ScalarValue.of(Boolean.FALSE, s.location());
                }
                return mismatch(expected, v, path);
            case INT:
                if (x instanceof Long) {
                    return s;
                }
                if (x instanceof Double d) {
                    if (d != Math.rint(d) || Double.isInfinite(d)) {
                        diagnostics.warning("cannot accurately represent \"" + s.text() + "\" as integer due to precision loss",
                                path, v.location());
                        return null;
                    }
                    return ScalarValue.of(d.longValue(), s.location());
                }
                if (x instanceof String str) {
                    try {
                        return ScalarValue.of(Long.parseLong(str.strip()), s.location());
                    } catch (NumberFormatException e) {
                        diagnostics.warning("cannot parse \"" + str + "\" as an integer", path, v.location());
                        return null;
                    }
                }
                return mismatch(expected, v, path);
            case FLOAT:
                if (x instanceof Double) {
                    return s;
                }
                if (x instanceof Long l) {
                    return ScalarValue.of(l.doubleValue(), s.location());
                }
                if (x instanceof String str) {
                    try {
                        return ScalarValue.of(Double.parseDouble(str.strip()), s.location());
                    } catch (NumberFormatException e) {
                        diagnostics.warning("cannot parse \"" + str + "\" as a floating point number", path, v.location());
                        return null;
                    }
                }
                return mismatch(expected, v, path);
            default:
                throw new IllegalStateException("not a primitive kind: " + expected);
        }
    }

    private Value mismatch(Kind expected, Value v, ConfigPath path) {
        diagnostics.warning("expected " + expected.label() + ", found " + v.kind().label(), path, v.location());
        return null;
    }

    /** An anchored value, or a non-empty container made only of anchored values (the CLI skips their keys). */
    static boolean isAnchorContainer(Value v) {
        if (v.anchored()) {
            return true;
        }
        List<Value> elements = v instanceof SeqValue q ? q.items()
                : v instanceof MapValue m ? m.entries().stream().map(MapValue.Entry::value).toList() : List.of();
        return !elements.isEmpty() && elements.stream().allMatch(Normalizer::isAnchorContainer);
    }
}
