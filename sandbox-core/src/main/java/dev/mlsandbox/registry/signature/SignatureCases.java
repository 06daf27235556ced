package dev.mlsandbox.registry.signature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight requests the sandbox uses to show schema enforcement, against one declared schema
 * (the churn features the registry lab trains on). Each case names what is sent versus what is
 * declared, e.g. {@code long-to-int}: a long arrives where the signature declares integer.
 */
public final class SignatureCases {

    /** One request shape and the verdict MLflow gives it. */
    public record Case(String name, String description, Map<String, ColumnType> provided, boolean expectedAccepted) {
        public Case {
            provided = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provided));
        }
    }

    /** The declared inputs: plan, region, tenure_months (long), support_calls, monthly_charges (float), total_charges. */
    public static final Schema DECLARED = Schema.of(
            ColumnSpec.required("plan", ColumnType.STRING),
            ColumnSpec.required("region", ColumnType.STRING),
            ColumnSpec.required("tenure_months", ColumnType.LONG),
            ColumnSpec.required("support_calls", ColumnType.INTEGER),
            ColumnSpec.required("monthly_charges", ColumnType.FLOAT),
            ColumnSpec.required("total_charges", ColumnType.DOUBLE));

    private SignatureCases() {
    }

    public static List<Case> all() {
        return List.of(
                new Case("missing-column", "support_calls left out", without("support_calls"), false),
                new Case("extra-column", "customer_id sent as well", with("customer_id", ColumnType.LONG), true),
                new Case("int-to-long", "tenure_months sent as integer, declared long", retype("tenure_months", ColumnType.INTEGER), true),
                new Case("int-to-double", "total_charges sent as integer, declared double", retype("total_charges", ColumnType.INTEGER), true),
                new Case("long-to-int", "support_calls sent as long, declared integer", retype("support_calls", ColumnType.LONG), false),
                new Case("double-to-float", "monthly_charges sent as double, declared float", retype("monthly_charges", ColumnType.DOUBLE), false),
                new Case("long-to-double", "total_charges sent as long, declared double", retype("total_charges", ColumnType.LONG), false),
                new Case("string-to-double", "total_charges sent as string, declared double", retype("total_charges", ColumnType.STRING), false));
    }

    private static Map<String, ColumnType> declaredTypes() {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        DECLARED.columns().forEach(c -> m.put(c.name(), c.type()));
        return m;
    }

    private static Map<String, ColumnType> without(String column) {
        Map<String, ColumnType> m = declaredTypes();
        m.remove(column);
        return m;
    }

    private static Map<String, ColumnType> with(String column, ColumnType type) {
        Map<String, ColumnType> m = declaredTypes();
        m.put(column, type);
        return m;
    }

    private static Map<String, ColumnType> retype(String column, ColumnType type) {
        Map<String, ColumnType> m = declaredTypes();
        m.put(column, type);
        return m;
    }
}
