package dev.mlsandbox.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A backend store URI as {@code mlflow server --backend-store-uri} takes it: {@code
 * sqlite:///relative.db}, {@code sqlite:////absolute/path.db} (optionally {@code
 * ?synchronous=FULL}), or {@code postgresql://user:pass@host:5432/db}.
 */
public record StoreUri(Dialect dialect, String jdbcUrl, String user, String password, String synchronous, String display) {

    public static StoreUri parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("backend store URI is empty; use e.g. sqlite:///mlruns.db");
        }
        String base = uri;
        Map<String, String> query = new LinkedHashMap<>();
        int q = uri.indexOf('?');
        if (q >= 0) {
            base = uri.substring(0, q);
            for (String kv : uri.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    query.put(kv.substring(0, eq).toLowerCase(Locale.ROOT), kv.substring(eq + 1));
                }
            }
        }
        if (base.startsWith("sqlite:///")) {
            String path = base.substring("sqlite:///".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("backend store URI '" + uri + "' has no file path; use sqlite:///mlruns.db");
            }
            Path file = Path.of(path).toAbsolutePath().normalize();
            String sync = query.getOrDefault("synchronous", "NORMAL").toUpperCase(Locale.ROOT);
            if (!sync.matches("OFF|NORMAL|FULL|EXTRA")) {
                throw new IllegalArgumentException("synchronous=" + sync + " in '" + uri + "' is not one of OFF, NORMAL, FULL, EXTRA");
            }
            return new StoreUri(Dialect.SQLITE, "jdbc:sqlite:" + file, null, null, sync, "sqlite:///" + file);
        }
        if (base.startsWith("postgresql://") || base.startsWith("postgres://")) {
            URI u = URI.create(base.replaceFirst("^postgres(ql)?://", "http://"));
            String user = null;
            String password = null;
            if (u.getUserInfo() != null) {
                String[] up = u.getUserInfo().split(":", 2);
                user = up[0];
                password = up.length > 1 ? up[1] : null;
            }
            int port = u.getPort() < 0 ? 5432 : u.getPort();
            String jdbc = "jdbc:postgresql://" + u.getHost() + ":" + port + u.getPath();
            return new StoreUri(Dialect.POSTGRESQL, jdbc, user, password, "FULL", "postgresql://" + u.getHost() + ":" + port + u.getPath());
        }
        throw new IllegalArgumentException(
                "backend store URI '" + uri + "' is not supported; use sqlite:///PATH (relative) or sqlite:////ABSOLUTE/PATH, or postgresql://user:pass@host:port/db");
    }

    /** The SQLite file, or null for a server database. */
    public Path sqliteFile() {
        return dialect == Dialect.SQLITE ? Path.of(jdbcUrl.substring("jdbc:sqlite:".length())) : null;
    }

    @Override
    public String toString() {
        return display;
    }
}
