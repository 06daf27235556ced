package dev.mlsandbox.lab;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An options record's parameters as text, and back. The record's components are its parameters,
 * in declaration order; like Spark ML's {@code Params}, they are found by reflection, so a lab
 * declares each parameter once (the component, with its {@link Parameter} doc) and its map, its
 * command-line options and its {@code --help} follow.
 *
 * <p>Component types and their text: {@code int}, {@code long} (whole numbers), {@code double}
 * ({@code Double.toString}, so the round trip is exact), {@code boolean} ({@code true} /
 * {@code false}), {@code String} (as is), enums (the constant's name, lower case, {@code -} for
 * {@code _}), {@code List} of {@code Integer}, {@code Long}, {@code Double} or {@code String}
 * (comma-separated, no spaces), and {@link ParameterText} types.
 *
 * <p>Errors name the lab, the parameter, the value and the rule. Range rules belong to the record's
 * compact constructor ({@link #require} words them the same way for every lab).
 */
public final class LabParameters {

    private LabParameters() {
    }

    /** The parameters of {@code defaults}' record type, each with its default, in declaration order. */
    public static List<LabParameter> describe(LabOptions defaults) {
        List<LabParameter> out = new ArrayList<>();
        Map<String, String> values = toMap(defaults);
        for (RecordComponent c : components(defaults.getClass())) {
            Parameter doc = c.getAnnotation(Parameter.class);
            if (doc == null) {
                throw new IllegalStateException(defaults.getClass().getSimpleName() + "." + c.getName()
                        + " has no @Parameter doc: every lab parameter says what it does (it is the --help text)");
            }
            boolean flag = c.getType() == boolean.class || c.getType() == Boolean.class;
            String label = !doc.label().isEmpty() ? doc.label() : flag ? "" : label(c);
            out.add(new LabParameter(c.getName(), label, doc.value(), values.get(c.getName()), flag));
        }
        return out;
    }

    /** Every component of {@code options} as parameter text, in declaration order. */
    public static Map<String, String> toMap(LabOptions options) {
        Map<String, String> map = new LinkedHashMap<>();
        for (RecordComponent c : components(options.getClass())) {
            map.put(c.getName(), text(value(c, options)));
        }
        return map;
    }

    /**
     * Options of {@code defaults}' type from parameter text: each parameter the map names is parsed,
     * the others keep their default; the record's constructor then checks the ranges.
     *
     * @param lab        the lab's name, for messages ({@code "pipeline"})
     * @param defaults   the options' documented defaults
     * @param parameters parameter name to text; a name the options do not have is an error
     * @throws IllegalArgumentException naming the parameter, the value and the rule
     */
    public static <O extends LabOptions> O fromMap(String lab, O defaults, Map<String, String> parameters) {
        RecordComponent[] components = components(defaults.getClass());
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (String name : parameters.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("the " + lab + " lab has no parameter '" + name + "'" + suggestion(name, names)
                        + "; its parameters are " + String.join(", ", names));
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            args[i] = parameters.containsKey(c.getName())
                    ? parse(lab, c, parameters.get(c.getName()), text(value(c, defaults)))
                    : value(c, defaults);
        }
        return construct(defaults, components, args);
    }

    /**
     * A range rule of an options record's constructor, worded the same for every lab:
     * {@code pipeline lab parameter rows = 50 must be >= 100 so both sides of the split have rows}.
     */
    public static void require(boolean ok, String lab, String name, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(lab + " lab parameter " + name + " = " + value + " " + rule);
        }
    }

    private static RecordComponent[] components(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record: lab options are records");
        }
        return type.getRecordComponents();
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + c.getName()
                    + ": lab options records must be public", e);
        }
    }

    private static String text(Object value) {
        if (value instanceof ParameterText t) {
            return t.toParameter();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static Object parse(String lab, RecordComponent c, String text, String defaultText) {
        String where = lab + " lab parameter " + c.getName() + " = '" + text + "'";
        if (text == null) {
            throw new IllegalArgumentException(lab + " lab parameter " + c.getName() + " has no value; give one such as "
                    + defaultText + " (the default), or leave it out");
        }
        Class<?> type = c.getType();
        String example = " such as " + (defaultText.isEmpty() ? "1,2" : defaultText) + " (the default)";
        if (type == int.class || type == Integer.class) {
            return whole(where, text.strip(), example, Integer::parseInt);
        }
        if (type == long.class || type == Long.class) {
            return whole(where, text.strip(), example, Long::parseLong);
        }
        if (type == double.class || type == Double.class) {
            return number(where, text.strip(), example);
        }
        if (type == boolean.class || type == Boolean.class) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                throw new IllegalArgumentException(where + " is not a boolean: give true or false");
            }
            return Boolean.parseBoolean(t);
        }
        if (type == String.class) {
            return text;
        }
        if (type.isEnum()) {
            return constant(where, type, text.strip());
        }
        if (type == List.class) {
            return list(where, elementType(c), text.strip(), example);
        }
        if (ParameterText.class.isAssignableFrom(type)) {
            return fromParameter(where, type, text);
        }
        throw new IllegalStateException(c.getDeclaringRecord().getSimpleName() + "." + c.getName() + " has type "
                + type.getSimpleName() + ", which has no parameter text: use a number, boolean, String, enum, List or a "
                + ParameterText.class.getSimpleName());
    }

    private interface WholeParser {
        Object parse(String text);
    }

    private static Object whole(String where, String text, String example, WholeParser parser) {
        try {
            return parser.parse(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " is not a whole number: give one" + example);
        }
    }

    private static double number(String where, String text, String example) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " is not a number: give one" + example);
        }
    }

    private static Object constant(String where, Class<?> type, String text) {
        List<String> choices = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = text(constant);
            if (name.equalsIgnoreCase(text) || ((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
            choices.add(name);
        }
        throw new IllegalArgumentException(where + " is not one of " + String.join(", ", choices));
    }

    private static List<Object> list(String where, Class<?> element, String text, String example) {
        List<Object> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        String rule = " separated by commas, e.g." + example.substring(" such as".length());
        for (String item : text.split(",", -1)) {
            String t = item.strip();
            if (element == String.class) {
                out.add(t);
                continue;
            }
            try {
                if (element == Integer.class) {
                    out.add(Integer.parseInt(t));
                } else if (element == Long.class) {
                    out.add(Long.parseLong(t));
                } else {
                    out.add(Double.parseDouble(t));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + " is not a list of " + (element == Double.class ? "numbers"
                        : "whole numbers") + rule + "; '" + t + "' is not one");
            }
        }
        return List.copyOf(out);
    }

    private static Class<?> elementType(RecordComponent c) {
        Type generic = c.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e
                && List.of(Integer.class, Long.class, Double.class, String.class).contains(e)) {
            return e;
        }
        throw new IllegalStateException(c.getDeclaringRecord().getSimpleName() + "." + c.getName()
                + " is a List of something other than Integer, Long, Double or String, which has no parameter text");
    }

    private static Object fromParameter(String where, Class<?> type, String text) {
        Method method;
        try {
            method = type.getMethod("fromParameter", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " implements ParameterText but has no public static "
                    + "fromParameter(String)", e);
        }
        if (!Modifier.isStatic(method.getModifiers()) || !type.isAssignableFrom(method.getReturnType())) {
            throw new IllegalStateException(type.getSimpleName() + ".fromParameter(String) must be static and return a "
                    + type.getSimpleName());
        }
        try {
            return method.invoke(null, text);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new IllegalArgumentException(where + ": " + bad.getMessage(), bad);
            }
            throw new IllegalStateException(type.getSimpleName() + ".fromParameter failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getSimpleName() + ".fromParameter is not accessible", e);
        }
    }

    private static <O> O construct(O defaults, RecordComponent[] components, Object[] args) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = defaults.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            O options = (O) constructor.newInstance(args);
            return options;
        } catch (InvocationTargetException e) {
            // The constructor's range rules: their messages already name the parameter and the rule.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + defaults.getClass().getSimpleName()
                    + " from its parameters: lab options records must be public", e);
        }
    }

    /** The label a parameter gets from its type when its doc gives none. */
    private static String label(RecordComponent c) {
        Class<?> type = c.getType();
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "N";
        }
        if (type == double.class || type == Double.class) {
            return "X";
        }
        if (type == List.class) {
            return elementType(c) == String.class ? "A,B,..." : elementType(c) == Double.class ? "X,X,..." : "N,N,...";
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(LabParameters::text).collect(Collectors.joining("|"));
        }
        return type == String.class ? "TEXT" : "VALUE";
    }

    /** {@code " (did you mean 'rows'?)"} when a name is one or two edits from a real one. */
    private static String suggestion(String name, List<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : names) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
