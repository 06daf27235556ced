package dev.mlsandbox.tracking.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlsandbox.http.Response;
import dev.mlsandbox.http.RouteModule;
import dev.mlsandbox.http.RouteTable;
import dev.mlsandbox.tracking.store.Entities.RunInfo;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.tracking.store.TrackingStore;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.List;

/**
 * The artifact proxy ({@code /api/2.0/mlflow-artifacts/artifacts/<path>}: PUT uploads, GET
 * downloads, DELETE removes, GET without a path lists with {@code ?path=}) and the tracking
 * API's {@code artifacts/list} for a run. Runs store {@code mlflow-artifacts:/<exp>/<run>/artifacts}
 * as their artifact URI; clients turn that into proxy calls.
 */
public final class ArtifactRoutes implements RouteModule {
    public static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts";
    public static final String SCHEME = "mlflow-artifacts:";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ArtifactStore artifacts;
    private final TrackingStore store;

    public ArtifactRoutes(ArtifactStore artifacts, TrackingStore store) {
        this.artifacts = artifacts;
        this.store = store;
    }

    @Override
    public void register(RouteTable r) {
        r.put(PROXY + "/<path>", req -> {
            artifacts.put(req.pathParam("path"), req.body());
            return F.objectNode();
        })
                .get(PROXY + "/<path>", req -> Response.file(artifacts.get(req.pathParam("path")),
                        contentType(req.pathParam("path"))))
                .delete(PROXY + "/<path>", req -> {
                    artifacts.delete(req.pathParam("path"));
                    return F.objectNode();
                })
                .get(PROXY, req -> {
                    String path = req.string("path");
                    String rel = path == null ? "" : path;
                    Path base = artifacts.resolve(rel);
                    return files(F.objectNode(), artifacts.list(rel, base));
                })
                .get(TrackingRoutes.API + "/artifacts/list", req -> {
                    RunInfo info = store.runs().get(TrackingRoutes.runId(req)).info();
                    String sub = req.string("path");
                    String runRoot = runRoot(info);
                    String rel = sub == null || sub.isEmpty() ? runRoot : runRoot + "/" + sub;
                    ObjectNode out = F.objectNode().put("root_uri", info.artifactUri());
                    return files(out, artifacts.list(rel, artifacts.resolve(runRoot)));
                });
    }

    /** The run's artifact directory relative to the proxy root, from its mlflow-artifacts:/ URI. */
    private static String runRoot(RunInfo info) {
        String uri = info.artifactUri();
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw MlflowException.invalid("Run " + info.runId() + " stores artifacts at '" + uri + "', which this server does "
                    + "not proxy; only " + SCHEME + "/ URIs are listed here");
        }
        String p = uri.substring(SCHEME.length());
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private static ObjectNode files(ObjectNode out, List<ArtifactStore.Entry> entries) {
        if (!entries.isEmpty()) {
            ArrayNode files = out.putArray("files");
            for (ArtifactStore.Entry e : entries) {
                ObjectNode f = files.addObject().put("path", e.path()).put("is_dir", e.dir());
                if (e.size() != null) {
                    f.put("file_size", e.size());
                }
            }
        }
        return out;
    }

    private static String contentType(String path) {
        String t = URLConnection.guessContentTypeFromName(path);
        return t == null ? "application/octet-stream" : t;
    }
}
