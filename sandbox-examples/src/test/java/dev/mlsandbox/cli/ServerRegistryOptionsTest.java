package dev.mlsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.registry.RegistryMode;
import dev.mlsandbox.registry.server.RegistryOptions;
import dev.mlsandbox.http.MlflowException;
import picocli.CommandLine;

/** {@code bin/sandbox server --registry-mode --auth --admin --user}: what the flags turn into. */
class ServerRegistryOptionsTest {

    private static RegistryOptions parse(String... args) {
        ServerCommand cmd = new ServerCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.registryOptions();
    }

    @Test
    void defaultsAreUnityCatalogWithoutAuth() {
        RegistryOptions o = parse();
        assertEquals(RegistryMode.UNITY_CATALOG, o.mode());
        assertNull(o.auth());
        assertEquals(RegistryMode.WORKSPACE, parse("--registry-mode", "workspace").mode());
        assertThrows(CommandLine.ParameterException.class, () -> parse("--registry-mode", "hive"));
    }

    @Test
    void authUsersGroupsAndAdmin() {
        RegistryOptions o = parse("--auth", "--admin", "root:s3cret", "--user", "bob:pw:data-scientists,ml",
                "--user", "carol:pw2:ml");
        assertTrue(o.auth().directory().isAdmin("root"));
        assertEquals(Set.of("bob", "carol"), o.auth().directory().groups().get("ml"));
        assertEquals("bob", o.auth().authenticate("Basic " + java.util.Base64.getEncoder().encodeToString("bob:pw".getBytes())));
        assertThrows(MlflowException.class, () -> o.auth().authenticate("Basic "
                + java.util.Base64.getEncoder().encodeToString("bob:wrong".getBytes())));
        assertThrows(CommandLine.ParameterException.class, () -> parse("--auth", "--user", "nopassword"));
    }
}
