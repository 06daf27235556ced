package dev.mlsandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.LabOptions;
import dev.mlsandbox.lab.LabParameter;
import dev.mlsandbox.lab.LabSettings;
import dev.mlsandbox.lab.ParameterText;

/**
 * The lab family's contract, checked for every lab in the catalog (a new lab is checked by being
 * listed): documented parameters with a seed, options that round-trip through their parameter map
 * with the defaults and with random non-default values, and errors that name the parameter.
 */
class LabsTest {

    /** Random option sets tried per lab; most are valid, the constructor refuses the rest. */
    private static final int TRIALS = 300;

    private static Stream<DynamicTest> perLab(String what, java.util.function.Consumer<LabDescriptor<?, ?>> check) {
        return Labs.all().stream().map(d -> DynamicTest.dynamicTest(d.name() + ": " + what, () -> check.accept(d)));
    }

    @Test
    void namesAreUniqueAndEveryLabNamesItself() {
        assertEquals(Labs.names().size(), new HashSet<>(Labs.names()).size(), Labs.names().toString());
        for (LabDescriptor<?, ?> d : Labs.all()) {
            assertEquals(d.name(), d.create(Map.of()).name(), "the lab's name() is its catalog name");
            assertFalse(d.summary().isBlank(), d.name());
            assertFalse(d.cost().isBlank(), d.name() + " says what a default run costs");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyParameterIsDocumentedAndTheSeedIsOne() {
        return perLab("documented parameters", d -> {
            List<LabParameter> parameters = d.parameters();
            List<String> names = parameters.stream().map(LabParameter::name).toList();
            assertTrue(names.contains(LabDescriptor.SEED), d.name() + " has no seed parameter: " + names);
            d.rowsParameter().ifPresent(p -> assertTrue(names.contains(p), d.name() + ": --rows names " + p));
            assertEquals(new ArrayList<>(d.defaults().get().toParameters().keySet()), names);
            for (LabParameter p : parameters) {
                assertFalse(p.doc().isBlank(), d.name() + "." + p.name());
                assertTrue(p.doc().endsWith("."), d.name() + "." + p.name() + " doc is a sentence: " + p.doc());
                assertTrue(p.flag() || !p.label().isEmpty(), d.name() + "." + p.name());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> defaultsRoundTrip() {
        return perLab("defaults round trip", d -> {
            LabOptions defaults = d.defaults().get();
            assertEquals(defaults, d.options(defaults.toParameters()));
            assertEquals(defaults, d.options(Map.of()), "an empty map means the defaults");
            assertEquals(defaults, d.options(LabSettings.defaults()));
        });
    }

    @TestFactory
    Stream<DynamicTest> randomNonDefaultOptionsRoundTrip() {
        return perLab("random options round trip", d -> {
            Random random = new Random(20_261_127L + d.name().hashCode());
            LabOptions defaults = d.defaults().get();
            Map<String, String> defaultText = defaults.toParameters();
            Set<String> changedSomewhere = new HashSet<>();
            int accepted = 0;
            for (int trial = 0; trial < TRIALS; trial++) {
                Map<String, String> changes = new LinkedHashMap<>();
                for (RecordComponent c : defaults.getClass().getRecordComponents()) {
                    if (random.nextInt(3) == 0) {
                        changes.put(c.getName(), randomText(c, defaultText.get(c.getName()), random));
                    }
                }
                LabOptions options;
                try {
                    options = d.options(changes);
                } catch (IllegalArgumentException refused) {
                    assertTrue(refused.getMessage().contains(d.name()) || refused.getMessage().contains("must"),
                            "a refusal names the lab or the rule: " + refused.getMessage());
                    continue;
                }
                accepted++;
                Map<String, String> text = options.toParameters();
                assertEquals(options, d.options(text), d.name() + " round trip of " + text);
                assertEquals(text, d.options(text).toParameters());
                changes.forEach((name, value) -> {
                    if (!text.get(name).equals(defaultText.get(name))) {
                        changedSomewhere.add(name);
                    }
                });
            }
            assertTrue(accepted >= TRIALS / 4, d.name() + ": only " + accepted + " of " + TRIALS + " random options were valid");
            assertEquals(defaultText.keySet(), changedSomewhere, d.name() + ": every parameter changed in some valid trial");
        });
    }

    @TestFactory
    Stream<DynamicTest> badTextIsRefusedNamingTheParameter() {
        return perLab("bad text names the parameter", d -> {
            for (LabParameter p : d.parameters()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> d.options(Map.of(p.name(), "not-a-value")), d.name() + "." + p.name());
                assertTrue(e.getMessage().contains(p.name()), e.getMessage());
                assertTrue(e.getMessage().contains("not-a-value"), "the message quotes the value: " + e.getMessage());
                assertFalse(e.getMessage().contains("Exception"), e.getMessage());
            }
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> d.options(Map.of("noSuchParameter", "1")));
            assertTrue(unknown.getMessage().startsWith("the " + d.name() + " lab has no parameter 'noSuchParameter'"),
                    unknown.getMessage());
        });
    }

    @Test
    void theCommonSettingsSetTheSeedAndTheLabsSizeParameter() {
        for (LabDescriptor<?, ?> d : Labs.all()) {
            LabOptions options = d.options(new LabSettings(9, OptionalInt.of(1_234)));
            assertEquals(9L, options.seed(), d.name());
            d.rowsParameter().ifPresent(p -> assertEquals("1234", options.toParameters().get(p), d.name()));
            if (d.rowsParameter().isEmpty()) {
                assertEquals(d.defaults().get().toParameters().entrySet().stream().filter(e -> !e.getKey().equals("seed")).toList(),
                        options.toParameters().entrySet().stream().filter(e -> !e.getKey().equals("seed")).toList(),
                        d.name() + " has no size parameter: --rows leaves it unchanged");
            }
        }
    }

    @Test
    void rowsNamesEachLabsSizeParameterInAMapToo() {
        for (LabDescriptor<?, ?> d : Labs.all()) {
            if (d.rowsParameter().isPresent()) {
                assertEquals("1234", d.options(Map.of("rows", "1234")).toParameters().get(d.rowsParameter().get()), d.name());
            } else {
                assertThrows(IllegalArgumentException.class, () -> d.options(Map.of("rows", "1234")), d.name());
            }
        }
        LabDescriptor<?, ?> drift = Labs.find("drift").orElseThrow();
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> drift.options(Map.of("rows", "500", "rowsPerWindow", "600")));
        assertTrue(both.getMessage().contains("both rows and rowsPerWindow"), both.getMessage());
    }

    /** A random value of a component's type, near its default so that most values are valid. */
    private static String randomText(RecordComponent c, String defaultText, Random random) {
        Class<?> type = c.getType();
        if (type == int.class || type == long.class) {
            long d = Long.parseLong(defaultText);
            return Long.toString(Math.max(0, Math.round(d * (0.5 + random.nextDouble() * 1.5)) + random.nextInt(3)));
        }
        if (type == double.class) {
            double d = Double.parseDouble(defaultText);
            return Double.toString(d == 0 ? random.nextDouble() : d * (0.3 + random.nextDouble() * 1.4));
        }
        if (type == boolean.class) {
            return Boolean.toString(random.nextBoolean());
        }
        if (type == String.class) {
            // the one String parameter so far is a three-level model name; a plain word tests the refusal path
            return random.nextBoolean() ? "main.ml.m" + random.nextInt(1000) : "m" + random.nextInt(1000);
        }
        if (type == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            List<String> items = new ArrayList<>();
            for (String item : defaultText.split(",")) {
                if (random.nextInt(4) > 0) {
                    // names (the retraining lab's strategies) are kept as they are: a subset of the default's
                    items.add(element == String.class ? item
                            : element == Double.class ? Double.toString(Double.parseDouble(item) * (0.5 + random.nextDouble()))
                            : Long.toString(Math.max(2, Math.round(Long.parseLong(item) * (0.5 + random.nextDouble())))));
                }
            }
            return String.join(",", items);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return ((Enum<?>) constants[random.nextInt(constants.length)]).name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (ParameterText.class.isAssignableFrom(type)) {
            // a tuning grid: one or two axes of one to three values
            List<String> axes = new ArrayList<>();
            axes.add("regParam=" + String.join(",", values(random, 1 + random.nextInt(3))));
            if (random.nextBoolean()) {
                axes.add("elasticNetParam=" + String.join(",", values(random, 1 + random.nextInt(2))));
            }
            return String.join(";", axes);
        }
        throw new AssertionError("no generator for " + type + ": add one for the new parameter type");
    }

    private static List<String> values(Random random, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Double.toString(random.nextDouble()));
        }
        return out;
    }

    @Test
    void aChangedParameterShowsInTheMap() {
        for (LabDescriptor<?, ?> d : Labs.all()) {
            LabOptions options = d.options(Map.of(LabDescriptor.SEED, "7"));
            assertEquals("7", options.toParameters().get(LabDescriptor.SEED));
            assertNotEquals(d.defaults().get(), options);
        }
    }
}
