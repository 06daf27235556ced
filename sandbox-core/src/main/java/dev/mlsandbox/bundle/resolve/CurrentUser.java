package dev.mlsandbox.bundle.resolve;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Who deploys: {@code ${workspace.current_user.userName}} and the names derived from it the way the
 * Databricks CLI derives them: the short name is the part before '@', lower-cased, with every
 * character that is not a letter or digit turned into '_' ({@code Jane.Doe@example.com} ->
 * {@code jane_doe}); the domain-friendly name uses '-' instead.
 *
 * <p>A workspace knows who you are from your token; the sandbox takes the user from
 * {@code --user}, else {@code MLFLOW_TRACKING_USERNAME} (the user the sandbox server authenticates
 * under {@code --auth}), else {@code DATABRICKS_USERNAME}, else the operating-system user.
 */
public record CurrentUser(String userName, String shortName, String domainFriendlyName) {

    public CurrentUser {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(domainFriendlyName, "domainFriendlyName");
    }

    public static CurrentUser of(String userName) {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("the current user's name is empty; pass --user or set MLFLOW_TRACKING_USERNAME");
        }
        String local = userName.contains("@") ? userName.substring(0, userName.indexOf('@')) : userName;
        String shortName = normalize(local);
        String friendly = Normalizer.normalize(shortName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]", "-").toLowerCase(Locale.ROOT);
        return new CurrentUser(userName, shortName, friendly);
    }

    /** The user named by the environment (see the class comment), falling back to the OS user. */
    public static CurrentUser fromEnvironment(Map<String, String> env) {
        for (String var : new String[]{"MLFLOW_TRACKING_USERNAME", "DATABRICKS_USERNAME"}) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                return of(v.strip());
            }
        }
        return of(System.getProperty("user.name", "user"));
    }

    /** The CLI's NormalizeString: lower case, non-alphanumerics to '_', runs of '_' collapsed, trimmed. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder();
        s.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> b.appendCodePoint(Character.isLetterOrDigit(cp) ? cp : '_'));
        return b.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
    }

    /** {@code [dev jane_doe] } to {@code dev_jane_doe_}: the prefix of Unity Catalog names and endpoints. */
    public static String normalizedPrefix(String prefix) {
        String p = prefix.replace("[", "").strip();
        String suffix = p.endsWith("]") ? "_" : "";
        return normalize(p) + suffix;
    }
}
