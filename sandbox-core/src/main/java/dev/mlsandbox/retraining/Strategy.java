package dev.mlsandbox.retraining;

import java.util.Arrays;
import java.util.Locale;

/**
 * A retraining strategy: when it retrains ({@link Trigger}), how (a batch refit, or an online
 * update), and whether a validation gate stands between a new model and the {@code @champion} alias.
 *
 * @param kind    which family
 * @param trigger when it retrains
 * @param gated   whether the challenger must pass the gate (and a bad promotion is rolled back)
 */
public record Strategy(Kind kind, Trigger trigger, boolean gated) {

    /** The strategy families the lab compares. */
    public enum Kind {
        NONE("none", "train once, never retrain"),
        SCHEDULED("scheduled", "retrain on a calendar"),
        DRIFT("drift", "retrain when the inputs drift from the training data"),
        PERFORMANCE("performance", "retrain when measured quality drops (MLOps Stacks' rule)"),
        ONLINE("online", "update the model incrementally every window");

        private final String id;
        private final String summary;

        Kind(String id, String summary) {
            this.id = id;
            this.summary = summary;
        }

        public String id() {
            return id;
        }

        public String summary() {
            return summary;
        }

        public static Kind byName(String name) {
            for (Kind k : values()) {
                if (k.id.equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown strategy '" + name + "'; use one of "
                    + Arrays.stream(values()).map(Kind::id).toList());
        }
    }

    public Strategy {
        if (kind == null || trigger == null) {
            throw new IllegalArgumentException("a strategy needs a kind and a trigger");
        }
        if (kind == Kind.NONE && gated) {
            throw new IllegalArgumentException("'none' never retrains, so it has nothing to gate");
        }
    }

    /** The name in reports: {@code scheduled} or {@code scheduled+gate}. */
    public String name() {
        return kind.id() + (gated ? "+gate" : "");
    }

    /** The registered model's last name part: {@code scheduled} or {@code scheduled_gated}. */
    public String modelName() {
        return kind.id() + (gated ? "_gated" : "");
    }

    public boolean online() {
        return kind == Kind.ONLINE;
    }
}
