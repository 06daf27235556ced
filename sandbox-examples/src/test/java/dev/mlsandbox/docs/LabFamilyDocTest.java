package dev.mlsandbox.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The example of docs/architecture.md's "Labs" section compiles: every code block marked
 * {@code <!-- source: path -->} is a verbatim excerpt of that file, which the build compiles and
 * whose lab {@code HelloLabTest} and {@code LabCommandsTest} run.
 */
class LabFamilyDocTest {

    /** The repository root, relative to this module (surefire runs in the module's directory). */
    private static final Path ROOT = Path.of("..");
    private static final Pattern SOURCED_BLOCK = Pattern.compile("<!-- source: (\\S+) -->\\s*```java\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void everySourcedBlockIsTheCodeOfItsFile() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/architecture.md"));
        Matcher m = SOURCED_BLOCK.matcher(doc);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            Path source = ROOT.resolve(m.group(1));
            assertTrue(Files.isRegularFile(source), "docs/architecture.md cites " + m.group(1) + ", which does not exist");
            assertTrue(Files.readString(source).contains(m.group(2)), "docs/architecture.md's block from " + m.group(1)
                    + " is not that file's code any more: copy it again from the file");
        }
        assertTrue(blocks >= 4, "the Labs section shows the hello lab's four classes; found " + blocks + " sourced blocks");
    }
}
