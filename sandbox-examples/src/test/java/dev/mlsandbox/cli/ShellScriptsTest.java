package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The launcher and the other shell scripts (every file under {@code bin/}, {@code bench/} and
 * {@code .ci/} that starts with a shell's {@code #!}) pass ShellCheck as bash scripts; the launcher
 * also runs on macOS's bash 3.2. Skipped, with the reason printed, where shellcheck is not
 * installed; .ci/run installs it.
 */
class ShellScriptsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SCRIPT_DIRECTORIES = List.of("bin", "bench", ".ci");
    /** Scripts that must be found, so that a broken search cannot pass by checking nothing. */
    static final List<String> KNOWN = List.of("bin/sandbox", "bench/run", "bench/pipeline-e2e", "bench/drift-e2e", ".ci/run");

    /** The shell scripts in the script directories (not recursing: bench/src holds Java). */
    static List<Path> scripts() throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (String directory : SCRIPT_DIRECTORIES) {
            try (Stream<Path> files = Files.list(ROOT.resolve(directory))) {
                for (Path file : files.sorted().toList()) {
                    if (Files.isRegularFile(file) && isShellScript(file)) {
                        scripts.add(file);
                    }
                }
            }
        }
        return scripts;
    }

    private static boolean isShellScript(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            return first != null && first.startsWith("#!") && first.matches("#!.*\\b(ba)?sh\\b.*");
        }
    }

    @Test
    void findsTheKnownScripts() throws Exception {
        List<String> found = scripts().stream().map(p -> ROOT.relativize(p).toString()).toList();
        assertTrue(found.containsAll(KNOWN), "found " + found);
    }

    @Test
    void everyScriptPassesShellcheck() throws Exception {
        String shellcheck = onPath("shellcheck");
        if (shellcheck == null) {
            System.out.println("ShellScriptsTest skipped: shellcheck is not installed (apt-get install shellcheck; .ci/run does)");
        }
        assumeTrue(shellcheck != null, "shellcheck is not installed");
        List<String> command = new ArrayList<>(List.of(shellcheck, "--shell=bash", "--format=gcc"));
        for (Path script : scripts()) {
            command.add(script.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("shellcheck ran past 2 minutes");
        }
        assertEquals(0, process.exitValue(), "shellcheck found problems:\n" + output);
    }

    private static String onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
