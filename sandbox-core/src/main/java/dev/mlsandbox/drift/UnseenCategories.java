package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Current values whose category the reference never had: the drift that breaks a pipeline whose
 * {@code StringIndexer} was fitted on the reference. {@link DriftPreset} flags a column under every
 * preset when these reach {@link DriftPreset#UNSEEN_SHARE} of its current rows.
 *
 * @param count    current rows with an unseen category
 * @param share    that count over the column's current (non-missing) rows
 * @param distinct how many different unseen categories there are
 * @param top      the most frequent of them (at most {@value #TOP}), most frequent first, ties by name
 */
public record UnseenCategories(long count, double share, int distinct, List<Category> top) {
    /** How many unseen categories a result names. */
    public static final int TOP = 10;

    /** No unseen category. */
    public static final UnseenCategories NONE = new UnseenCategories(0, 0.0, 0, List.of());

    /**
     * One unseen category.
     *
     * @param name  the category
     * @param count its current rows
     * @param share its share of the current rows
     */
    public record Category(String name, long count, double share) {
    }

    public UnseenCategories {
        top = List.copyOf(top);
    }

    /** From the counts of the unseen categories and the column's current rows. */
    public static UnseenCategories of(Map<String, Long> counts, long currentRows) {
        if (counts.isEmpty()) {
            return NONE;
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : Long.compare(b.getValue(), a.getValue()));
        long total = 0;
        List<Category> top = new ArrayList<>();
        for (Map.Entry<String, Long> e : entries) {
            total += e.getValue();
            if (top.size() < TOP) {
                top.add(new Category(e.getKey(), e.getValue(), (double) e.getValue() / currentRows));
            }
        }
        return new UnseenCategories(total, (double) total / currentRows, entries.size(), top);
    }

    /** Whether the current data has any category the reference lacks. */
    public boolean any() {
        return count > 0;
    }

    /** The named categories with their shares, e.g. {@code 'enterprise' 9.9 %, 'trial' 0.2 %}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        for (Category c : top) {
            s.append(s.length() == 0 ? "" : ", ").append('\'').append(c.name()).append("' ")
                    .append(percent(c.share()));
        }
        if (distinct > top.size()) {
            s.append(" and ").append(distinct - top.size()).append(" more");
        }
        return s.toString();
    }

    /** A share as a percentage with up to three significant digits ({@code 9.93 %}, {@code 0.01 %}). */
    public static String percent(double share) {
        double p = share * 100;
        String v = p >= 10 ? String.format(java.util.Locale.ROOT, "%.1f", p)
                : p >= 1 ? String.format(java.util.Locale.ROOT, "%.2f", p)
                : String.format(java.util.Locale.ROOT, "%.2g", p);
        return v + " %";
    }
}
