package dev.mlsandbox.cicd;

import dev.mlsandbox.bundle.run.ServerConnection;
import dev.mlsandbox.registry.Registry;

/** The registry client of a run's server, as the run's user when the server runs with --auth. */
final class Servers {

    private Servers() {
    }

    static Registry registry(ServerConnection server) {
        return server.authenticated() ? Registry.connect(server.uri(), server.user(), server.password())
                : Registry.connect(server.uri());
    }
}
