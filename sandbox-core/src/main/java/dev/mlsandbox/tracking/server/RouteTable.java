package dev.mlsandbox.tracking.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Method + path to handler, read top to bottom. Exact paths win; a prefix route (path ending in
 * {@code /*}) handles everything under it, the longest prefix first. Registering the same method
 * and path twice is a programming error and fails at start-up, not at request time.
 */
public final class RouteTable {
    /** A matched route: the handler and, for prefix routes, the rest of the path after the prefix. */
    public record Match(Handler handler, String rest) {}

    private final Map<String, Map<String, Handler>> exact = new LinkedHashMap<>();
    private final List<Prefix> prefixes = new ArrayList<>();

    private record Prefix(String method, String prefix, Handler handler) {}

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
        if (path.endsWith("/*")) {
            String prefix = path.substring(0, path.length() - 1);
            for (Prefix p : prefixes) {
                if (p.method.equals(method) && p.prefix.equals(prefix)) {
                    throw new IllegalStateException("route " + method + " " + path + " is registered twice");
                }
            }
            prefixes.add(new Prefix(method, prefix, h));
            prefixes.sort((a, b) -> b.prefix.length() - a.prefix.length());
            return this;
        }
        Map<String, Handler> byMethod = exact.computeIfAbsent(path, k -> new LinkedHashMap<>());
        if (byMethod.putIfAbsent(method, h) != null) {
            throw new IllegalStateException("route " + method + " " + path + " is registered twice");
        }
        return this;
    }

    /** The handler for a request, or null when no route has this path for this method. */
    public Match match(String method, String path) {
        Map<String, Handler> byMethod = exact.get(path);
        if (byMethod != null && byMethod.containsKey(method)) {
            return new Match(byMethod.get(method), null);
        }
        for (Prefix p : prefixes) {
            if (p.method.equals(method) && path.startsWith(p.prefix)) {
                return new Match(p.handler, path.substring(p.prefix.length()));
            }
        }
        return null;
    }

    /** The methods a path accepts (for 405 answers); empty when the path is unknown. */
    public TreeSet<String> methodsFor(String path) {
        TreeSet<String> methods = new TreeSet<>();
        Map<String, Handler> byMethod = exact.get(path);
        if (byMethod != null) {
            methods.addAll(byMethod.keySet());
        }
        for (Prefix p : prefixes) {
            if (path.startsWith(p.prefix)) {
                methods.add(p.method);
            }
        }
        return methods;
    }

    /** Every route as "METHOD path", in registration order: the table a reader scans. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        exact.forEach((path, m) -> m.keySet().forEach(method -> out.add(method + " " + path)));
        prefixes.forEach(p -> out.add(p.method + " " + p.prefix + "*"));
        return out;
    }
}
