package dev.mlsandbox.tracking.store;

import dev.mlsandbox.http.MlflowException;

import java.util.List;
import java.util.Locale;

/** MLflow's ViewType: which lifecycle stages a search sees. */
public enum ViewType {
    ACTIVE_ONLY(List.of(Entities.ACTIVE)),
    DELETED_ONLY(List.of(Entities.DELETED)),
    ALL(List.of(Entities.ACTIVE, Entities.DELETED));

    private final List<String> stages;

    ViewType(List<String> stages) {
        this.stages = stages;
    }

    public List<String> stages() {
        return stages;
    }

    /** Parses the proto enum name or number; null means ACTIVE_ONLY. */
    public static ViewType parse(String s) {
        if (s == null || s.isEmpty()) {
            return ACTIVE_ONLY;
        }
        switch (s.toUpperCase(Locale.ROOT)) {
            case "ACTIVE_ONLY", "1":
                return ACTIVE_ONLY;
            case "DELETED_ONLY", "2":
                return DELETED_ONLY;
            case "ALL", "3":
                return ALL;
            default:
                throw MlflowException.invalid("Invalid view type '" + s + "'; use ACTIVE_ONLY, DELETED_ONLY or ALL");
        }
    }
}
