package dev.mlsandbox.registry.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.mlsandbox.governance.Directory;
import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;

/**
 * Authentication for {@code --auth}: users with passwords (HTTP basic auth, which MLflow clients
 * send from MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD), groups, and the admin
 * configured at start. An unknown user or a wrong password is 401.
 */
public final class AuthConfig {

    private final Directory directory;
    private final Map<String, String> passwords;

    private AuthConfig(Directory directory, Map<String, String> passwords) {
        this.directory = directory;
        this.passwords = Map.copyOf(passwords);
    }

    public static Builder builder(String admin, String adminPassword) {
        return new Builder(admin, adminPassword);
    }

    public Directory directory() {
        return directory;
    }

    /** The principal a request's Authorization header names; 401 when missing, malformed or wrong. */
    public String authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthenticated("this server runs with --auth: send HTTP basic credentials (set MLFLOW_TRACKING_USERNAME"
                    + " and MLFLOW_TRACKING_PASSWORD for MLflow clients)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthenticated("the Authorization header is not valid base64 of user:password");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        String expected = passwords.get(user);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            throw unauthenticated("unknown user '" + user + "' or wrong password");
        }
        return user;
    }

    private static MlflowException unauthenticated(String message) {
        return new MlflowException(ErrorCode.UNAUTHENTICATED, "Unauthenticated: " + message);
    }

    /** Collects users (with passwords) and groups. */
    public static final class Builder {
        private final Directory.Builder directory = Directory.builder();
        private final Map<String, String> passwords = new LinkedHashMap<>();

        private Builder(String admin, String adminPassword) {
            directory.admin(Objects.requireNonNull(admin, "admin"));
            passwords.put(admin, Objects.requireNonNull(adminPassword, "adminPassword"));
        }

        public Builder user(String name, String password) {
            directory.user(name);
            passwords.put(name, Objects.requireNonNull(password, "password"));
            return this;
        }

        public Builder group(String name, String... members) {
            directory.group(name, members);
            return this;
        }

        public AuthConfig build() {
            return new AuthConfig(directory.build(), passwords);
        }
    }
}
