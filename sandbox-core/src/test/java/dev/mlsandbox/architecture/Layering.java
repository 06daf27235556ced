package dev.mlsandbox.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;

/**
 * The layering rules of docs/architecture.md as ArchUnit rules over a root package: the
 * project's {@code dev.mlsandbox} (ArchitectureTest), or a fixture's that breaks each rule on
 * purpose (LayeringTest). The lower layers are listed; every other package under the root is a
 * concept (tracking, registry, drift, ...), so a new area is held to the rules without being
 * named here.
 */
final class Layering {
    /** The shared layers, bottom first: each may use the ones before it and never a concept. */
    static final List<String> LOWER = List.of("spark", "report", "store", "http", "lab", "governance");

    /** A concept's subpackages that are its own business: another concept uses its other packages. */
    static final Set<String> INTERNAL = Set.of("server", "store", "search");

    private Layering() {
    }

    /** Rule 1: no cycles between packages; every package is its own slice, the root's front door too. */
    static ArchRule noCycles(String root) {
        SliceAssignment byPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (p.equals(root) || p.startsWith(root + ".")) {
                    return SliceIdentifier.of(p);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages under " + root;
            }
        };
        return slices().assignedFrom(byPackage).should().beFreeOfCycles()
                .because("a cycle makes two packages one; the next area would have to take both");
    }

    /** Rule 2: a lower layer uses only the lower layers before it (and itself), never a concept or the root. */
    static ArchRule lowerLayersKnowNoConcept(String root) {
        return classes().that().resideInAnyPackage(LOWER.stream().map(p -> root + "." + p + "..").toArray(String[]::new))
                .should(new ArchCondition<>("use only the lower layers below them (" + String.join(" < ", LOWER) + ")") {
                    @Override
                    public void check(JavaClass source, ConditionEvents events) {
                        int own = LOWER.indexOf(top(root, source.getPackageName()));
                        for (Dependency d : source.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (!under(root, target)) {
                                continue;
                            }
                            int layer = LOWER.indexOf(top(root, target));
                            if (layer < 0 || layer > own) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": "
                                        + (layer < 0 ? "a lower layer must not use a concept" : "a lower layer must not use a higher one")));
                            }
                        }
                    }
                }).allowEmptyShould(true)
                .because("serving, monitoring and every later area build on the lower layers");
    }

    /** Rule 3: a concept never uses another concept's internals (its server, store or search subpackages). */
    static ArchRule conceptsKeepOutOfEachOthersInternals(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("not use another concept's " + INTERNAL + " subpackages") {
                    @Override
                    public void check(JavaClass source, ConditionEvents events) {
                        String from = top(root, source.getPackageName());
                        if (from.isEmpty() || LOWER.contains(from)) {
                            return; // the front door assembles everything; lower layers are rule 2's
                        }
                        for (Dependency d : source.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (!under(root, target)) {
                                continue;
                            }
                            String to = top(root, target);
                            String[] parts = target.substring(root.length() + 1).split("\\.");
                            if (!to.equals(from) && !LOWER.contains(to) && parts.length > 1 && INTERNAL.contains(parts[1])) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": " + target
                                        + " is internal to " + to + "; use " + root + "." + to + " (its public API)"));
                            }
                        }
                    }
                }).allowEmptyShould(true)
                .because("a concept's server, store and search packages change with it; others use its public API");
    }

    private static boolean under(String root, String pkg) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** The first package segment below the root ("tracking" for root.tracking.store), "" for the root. */
    static String top(String root, String pkg) {
        if (pkg.equals(root)) {
            return "";
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
