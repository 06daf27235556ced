package dev.mlsandbox.cli.bundle;

import java.net.URI;

import dev.mlsandbox.bundle.deploy.SandboxApi;
import dev.mlsandbox.bundle.run.ServerConnection;
import picocli.CommandLine.Option;

/**
 * Where deploy, destroy and run go: a sandbox server ({@code bin/sandbox server}), named the way
 * MLflow clients name it. A workspace's {@code workspace.host} stays in the bundle for the real
 * CLI; the sandbox ignores it for deploying.
 */
public final class ServerArgs {

    static final String DEFAULT = "http://127.0.0.1:5000";

    @Option(names = "--tracking-uri", paramLabel = "URL",
            description = "The sandbox server (default: MLFLOW_TRACKING_URI, else " + DEFAULT + ").")
    String trackingUri;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Password of --user on a server run with --auth (default: MLFLOW_TRACKING_PASSWORD; prefer the"
                    + " variable: a command line is visible to other users of the machine).")
    String password;

    URI uri() {
        String u = trackingUri != null ? trackingUri : System.getenv("MLFLOW_TRACKING_URI");
        return URI.create(u == null || u.isBlank() ? DEFAULT : u.strip());
    }

    SandboxApi api(String user) {
        return new SandboxApi(uri(), user, password());
    }

    /**
     * The server a run's tasks use: {@code --tracking-uri} when given, else the one the job was
     * deployed to (the job's workspace), else as {@link #uri()}.
     */
    ServerConnection forRun(String deployedTo, String user) {
        URI u = trackingUri == null && deployedTo != null && !deployedTo.isBlank() ? URI.create(deployedTo) : uri();
        String pw = password();
        return pw == null ? ServerConnection.of(u) : new ServerConnection(u, user, pw);
    }

    private String password() {
        return password != null ? password : System.getenv("MLFLOW_TRACKING_PASSWORD");
    }
}
