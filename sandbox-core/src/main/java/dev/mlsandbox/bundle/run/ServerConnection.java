package dev.mlsandbox.bundle.run;

import java.net.URI;
import java.util.Objects;

/**
 * The sandbox server a run's tasks talk to, the local stand-in for the workspace a Databricks job
 * runs in (where {@code mlflow} needs no URI: the workspace is the tracking server and registry).
 * {@code bundle run} takes the server the job was deployed to, or {@code --tracking-uri}.
 *
 * @param uri      the server's address
 * @param user     the user tasks act as (null on a server without --auth)
 * @param password that user's password (null on a server without --auth)
 */
public record ServerConnection(URI uri, String user, String password) {

    public ServerConnection {
        Objects.requireNonNull(uri, "uri");
    }

    /** A server without --auth. */
    public static ServerConnection of(URI uri) {
        return new ServerConnection(uri, null, null);
    }

    /** Whether tasks send credentials (the server runs with --auth). */
    public boolean authenticated() {
        return user != null && password != null;
    }

    @Override
    public String toString() {
        return uri + (user == null ? "" : " as " + user);
    }
}
