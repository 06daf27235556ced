package dev.mlsandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every engine shares: find the route, run the handler, and turn its result into a {@link
 * Response}: a plain object becomes a 200 JSON answer, an {@link MlflowException} MLflow's error
 * body {@code {"error_code","message"}} with the code's status, anything else a 500 whose message
 * is one sentence, never a stack trace. The engine only moves bytes.
 */
final class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final RouteTable routes;

    Dispatcher(RouteTable routes) {
        this.routes = routes;
    }

    Response dispatch(String method, String rawPath, String rawQuery, Function<String, String> headers, InputStream body) {
        try {
            RouteTable.Match match = routes.match(method, rawPath);
            if (match == null) {
                var allowed = routes.methodsFor(rawPath);
                if (allowed.isEmpty()) {
                    return error(ErrorCode.ENDPOINT_NOT_FOUND.httpStatus(), ErrorCode.ENDPOINT_NOT_FOUND, "No endpoint " + method
                            + " " + rawPath + "; the MLflow REST API lives under /api/2.0/mlflow/");
                }
                return error(405, ErrorCode.BAD_REQUEST, "Method " + method + " is not allowed on " + rawPath + "; use "
                        + String.join(" or ", allowed)).withHeader("Allow", String.join(", ", allowed));
            }
            Object result = match.handler().handle(new Request(method, rawPath, rawQuery, headers, body, match.pathParams()));
            if (result instanceof Response r) {
                return r;
            }
            return Response.json(Json.mapper().writeValueAsBytes(result == null ? Json.mapper().createObjectNode() : result));
        } catch (MlflowException e) {
            return error(e.status(), e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // a value the handler could not take (a malformed enum name, a bad number): the client's
            return error(400, ErrorCode.MALFORMED_REQUEST, "Malformed request: " + e.getMessage());
        } catch (Exception | Error e) {
            LOG.log(Level.WARNING, "internal error on " + method + " " + rawPath, e);
            return error(500, ErrorCode.INTERNAL_ERROR, "Internal error while handling " + method + " " + rawPath + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + ". The request was rolled back.");
        }
    }

    static Response error(int status, ErrorCode code, String message) {
        ObjectNode body = Json.mapper().createObjectNode().put("error_code", code.name()).put("message", message);
        try {
            return Response.json(status, Json.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }

    /** Headers as the engine hands them over, looked up case-insensitively. */
    static Function<String, String> headers(Map<String, ? extends java.util.List<String>> byName) {
        return name -> {
            for (var e : byName.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        };
    }
}
