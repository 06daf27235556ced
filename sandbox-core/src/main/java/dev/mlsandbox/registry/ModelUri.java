package dev.mlsandbox.registry;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code models:/} URI: {@code models:/<name>/<version>}, {@code models:/<name>@<alias>}, or
 * (workspace registry) {@code models:/<name>/<stage>} and {@code models:/<name>/latest}.
 *
 * @param name    registered model name
 * @param version the version, or null
 * @param alias   the alias, or null
 * @param stage   a stage or {@code latest}, or null
 */
public record ModelUri(String name, Long version, String alias, String stage) {

    private static final Pattern BY_ALIAS = Pattern.compile("models:/([^/@]+)@([^/@]+)/?");
    private static final Pattern BY_SUFFIX = Pattern.compile("models:/([^/@]+)/([^/@]+)/?");

    public ModelUri {
        Objects.requireNonNull(name, "name");
    }

    public static ModelUri parse(String uri) {
        if (uri == null) {
            throw new RegistryRuleException("a models:/ URI is required");
        }
        Matcher m = BY_ALIAS.matcher(uri);
        if (m.matches()) {
            return new ModelUri(m.group(1), null, m.group(2), null);
        }
        m = BY_SUFFIX.matcher(uri);
        if (m.matches()) {
            String suffix = m.group(2);
            if (suffix.chars().allMatch(Character::isDigit)) {
                return new ModelUri(m.group(1), Long.parseLong(suffix), null, null);
            }
            return new ModelUri(m.group(1), null, null, suffix);
        }
        throw new RegistryRuleException("'" + uri + "' is not a model URI: expected models:/<name>/<version> or"
                + " models:/<name>@<alias>, e.g. models:/main.ml.churn/3 or models:/main.ml.churn@champion");
    }

    public static ModelUri version(String name, long version) {
        return new ModelUri(name, version, null, null);
    }

    public static ModelUri alias(String name, String alias) {
        return new ModelUri(name, null, alias, null);
    }

    @Override
    public String toString() {
        if (alias != null) {
            return "models:/" + name + "@" + alias;
        }
        return "models:/" + name + "/" + (version != null ? version.toString() : stage);
    }
}
