package dev.mlsandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Method + path to handler, read top to bottom like a Javalin app. A path is literal segments
 * and parameters: {@code {name}} matches one segment ({@code /serving-endpoints/{name}/invocations}),
 * {@code <name>} as the last segment matches the rest of the path, slashes included
 * ({@code /artifacts/<path>}). The handler reads them with {@link Request#pathParam}, decoded.
 *
 * <p>Matching: a path with no parameters is looked up directly; otherwise the routes with
 * parameters are tried in the order they were added, and the first that matches wins. Adding
 * the same method and path shape twice ({@code /a/{x}} and {@code /a/{y}} are one shape) is a
 * programming error and fails when the route is added, not at request time.
 */
public final class RouteTable {
    /** A matched route: the handler and the decoded path parameters. */
    public record Match(Handler handler, Map<String, String> pathParams) {}

    private final Map<String, Map<String, Handler>> literal = new LinkedHashMap<>();
    private final List<Pattern> patterns = new ArrayList<>();

    /** A route with parameters, split into segments; {@code rest} names a trailing {@code <name>}. */
    private record Pattern(String method, String path, String[] segments, String rest, Handler handler) {
        String shape() {
            StringBuilder sb = new StringBuilder();
            for (String s : segments) {
                sb.append('/').append(isParam(s) ? "{}" : s);
            }
            return sb.append(rest == null ? "" : "/<>").toString();
        }

        Map<String, String> match(String[] parts) {
            if (rest == null ? parts.length != segments.length : parts.length <= segments.length) {
                return null;
            }
            Map<String, String> params = null;
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (isParam(s)) {
                    if (parts[i].isEmpty()) {
                        return null;
                    }
                    if (params == null) {
                        params = new HashMap<>(4);
                    }
                    params.put(s.substring(1, s.length() - 1), decode(parts[i]));
                } else if (!s.equals(parts[i])) {
                    return null;
                }
            }
            if (params == null) {
                params = new HashMap<>(2);
            }
            if (rest != null) {
                String tail = String.join("/", java.util.Arrays.copyOfRange(parts, segments.length, parts.length));
                if (tail.isEmpty()) {
                    return null;
                }
                params.put(rest, decode(tail));
            }
            return params;
        }
    }

    public RouteTable get(String path, Handler h) {
        return add("GET", path, h);
    }

    public RouteTable post(String path, Handler h) {
        return add("POST", path, h);
    }

    public RouteTable put(String path, Handler h) {
        return add("PUT", path, h);
    }

    public RouteTable delete(String path, Handler h) {
        return add("DELETE", path, h);
    }

    public RouteTable patch(String path, Handler h) {
        return add("PATCH", path, h);
    }

    /** GET and POST on one path: MLflow accepts both for some read endpoints (search). */
    public RouteTable getOrPost(String path, Handler h) {
        return add("GET", path, h).add("POST", path, h);
    }

    public synchronized RouteTable add(String method, String path, Handler h) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path '" + path + "' must start with /");
        }
        if (!path.contains("{") && !path.contains("<")) {
            Map<String, Handler> byMethod = literal.computeIfAbsent(path, k -> new LinkedHashMap<>());
            if (byMethod.putIfAbsent(method, h) != null) {
                throw new IllegalStateException("route " + method + " " + path + " is registered twice");
            }
            return this;
        }
        String[] parts = path.substring(1).split("/", -1);
        String rest = null;
        String last = parts[parts.length - 1];
        if (last.startsWith("<") && last.endsWith(">")) {
            rest = last.substring(1, last.length() - 1);
            parts = java.util.Arrays.copyOf(parts, parts.length - 1);
        }
        for (String s : parts) {
            if ((s.contains("{") || s.contains("}") || s.contains("<") || s.contains(">")) && !isParam(s)) {
                throw new IllegalArgumentException("route " + path + ": a parameter is a whole segment, {name}, or a last "
                        + "segment <name> for the rest of the path; got '" + s + "'");
            }
        }
        Pattern p = new Pattern(method, path, parts, rest, h);
        for (Pattern q : patterns) {
            if (q.method.equals(method) && q.shape().equals(p.shape())) {
                throw new IllegalStateException("route " + method + " " + path + " is registered twice (as " + q.path + ")");
            }
        }
        patterns.add(p);
        return this;
    }

    private static boolean isParam(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /** Percent-decoding of one path segment; a literal '+' stays a '+' in a path. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MlflowException(ErrorCode.MALFORMED_REQUEST, "Malformed path: '" + s + "' is not valid percent-encoding");
        }
    }

    /** The handler for a request's raw path, or null when no route has this path for this method. */
    public Match match(String method, String rawPath) {
        Map<String, Handler> byMethod = literal.get(rawPath);
        if (byMethod != null) {
            Handler h = byMethod.get(method);
            if (h != null) {
                return new Match(h, Map.of());
            }
        }
        if (patterns.isEmpty()) {
            return null;
        }
        String[] parts = rawPath.length() > 1 ? rawPath.substring(1).split("/", -1) : new String[] {""};
        for (Pattern p : patterns) {
            if (p.method.equals(method)) {
                Map<String, String> params = p.match(parts);
                if (params != null) {
                    return new Match(p.handler, params);
                }
            }
        }
        return null;
    }

    /** The methods a path accepts (for 405 answers); empty when the path is unknown. */
    public TreeSet<String> methodsFor(String rawPath) {
        TreeSet<String> methods = new TreeSet<>();
        Map<String, Handler> byMethod = literal.get(rawPath);
        if (byMethod != null) {
            methods.addAll(byMethod.keySet());
        }
        String[] parts = rawPath.length() > 1 ? rawPath.substring(1).split("/", -1) : new String[] {""};
        for (Pattern p : patterns) {
            try {
                if (p.match(parts) != null) {
                    methods.add(p.method);
                }
            } catch (MlflowException e) {
                // a malformed path matches nothing
            }
        }
        return methods;
    }

    /** Every route as "METHOD path", in the order added: the table a reader scans. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        literal.forEach((path, m) -> m.keySet().forEach(method -> out.add(method + " " + path)));
        patterns.forEach(p -> out.add(p.method + " " + p.path));
        return out;
    }
}
