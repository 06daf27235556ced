package dev.mlsandbox.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/sandbox example <name> [args...]}: runs the example main
 * {@code dev.mlsandbox.examples.<Name>Example}. Examples are short programs that use the library
 * the way a user would; read them next to their lab.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run an example program (sandbox-examples/src/main/java/dev/mlsandbox/examples). Without a name, list them.")
final class ExampleCommand implements Callable<Integer> {

    static final String PACKAGE = "dev.mlsandbox.examples.";

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The example, e.g. pipeline.")
    String name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments passed to the example's main.")
    List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (name == null) {
            List<String> names = available();
            spec.commandLine().getOut().println(names.isEmpty() ? "No examples are built." : String.join("\n", names));
            return ExitCodes.OK;
        }
        Class<?> main;
        try {
            main = Class.forName(className(name));
        } catch (ClassNotFoundException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no example named '" + name + "'; available: " + String.join(", ", available()));
        }
        Method method = main.getMethod("main", String[].class);
        try {
            method.invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return ExitCodes.OK;
    }

    /** {@code feature-lookup} becomes {@code dev.mlsandbox.examples.FeatureLookupExample}. */
    static String className(String exampleName) {
        StringBuilder out = new StringBuilder(PACKAGE);
        for (String part : exampleName.toLowerCase(Locale.ROOT).split("[-_]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.append("Example").toString();
    }

    /** The examples found on the classpath for the labs' names and the known extra topics. */
    static List<String> available() {
        List<String> candidates = new ArrayList<>(dev.mlsandbox.Labs.names());
        candidates.addAll(List.of("tracking", "registry", "drift", "quickstart"));
        List<String> found = new ArrayList<>();
        for (String candidate : candidates.stream().distinct().toList()) {
            try {
                Class.forName(className(candidate));
                found.add(candidate);
            } catch (ClassNotFoundException e) {
                // not built: not listed
            }
        }
        return found;
    }
}
