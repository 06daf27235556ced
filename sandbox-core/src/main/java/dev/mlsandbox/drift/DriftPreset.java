package dev.mlsandbox.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which test decides drift, with which threshold: the "test" layer between metrics and report.
 * <ul>
 *   <li>{@link #EVIDENTLY}: Evidently's defaults. Reference of at most 1000 rows: KS p &lt; 0.05
 *       (numeric) and chi-square p &lt; 0.05 (categorical); larger: Wasserstein normalised by the
 *       reference std &ge; 0.1 (numeric) and Jensen-Shannon distance &ge; 0.1 (categorical). The data
 *       set drifts when at least 50 % of the columns do. No multiple-testing correction. As in
 *       Evidently, a categorical with at most two values on a small reference gets the
 *       two-proportion z-test instead of chi-square, and a numeric column is tested as a
 *       categorical one (z-test, chi-square or Jensen-Shannon over its values) when both samples
 *       together hold at most 5 distinct values, or when it is integer-typed and the reference
 *       holds at most 5 ({@link FewValues}).</li>
 *   <li>{@link #LAKEHOUSE}: the metrics Databricks Lakehouse Monitoring writes to its drift table,
 *       judged by the usual PSI bands: &lt; 0.1 no change, 0.1-0.2 moderate, &ge; 0.2 significant
 *       (drifted). The data set drifts when any column is significant.</li>
 *   <li>{@link #RIGOROUS} (the default): the KS / chi-square p-values of all columns are corrected
 *       with Benjamini-Hochberg (false discovery rate 0.05), and a column drifts only if its
 *       corrected p-value is below 0.05 <em>and</em> its effect size (KS D, or total variation for
 *       categoricals) is at least 0.1, so a huge sample does not flag a negligible shift. The data
 *       set drifts when any column does (the correction already controls false alarms).</li>
 *   <li>{@link #RIGOROUS_BONFERRONI}: the same with Bonferroni (family-wise error 0.05).</li>
 * </ul>
 * Under every preset, a categorical column whose categories absent from the reference make up at
 * least {@link #UNSEEN_SHARE} of its current rows drifts, whatever the preset's test says: a
 * category the training data never had is the drift that breaks a pipeline (a
 * {@code StringIndexer} fitted on the reference fails on it, drops its rows, or maps them all to
 * one index the model never learned). The verdict names the categories and their shares.
 */
public enum DriftPreset {
    EVIDENTLY("evidently"),
    LAKEHOUSE("lakehouse"),
    RIGOROUS("rigorous"),
    RIGOROUS_BONFERRONI("rigorous-bonferroni");

    /** Significance level of every p-value test. */
    public static final double ALPHA = 0.05;
    /** Evidently switches from p-value tests to distances above this reference size. */
    public static final int EVIDENTLY_SMALL_REFERENCE = 1000;
    /** Evidently's distance thresholds (normalised Wasserstein and JS). */
    public static final double EVIDENTLY_DISTANCE_THRESHOLD = 0.1;
    /** Evidently's dataset-drift share. */
    public static final double EVIDENTLY_DATASET_SHARE = 0.5;
    /** PSI band edges. */
    public static final double PSI_MODERATE = 0.1;
    public static final double PSI_SIGNIFICANT = 0.2;
    /** Effect-size floor of the rigorous presets (KS D or TV). */
    public static final double EFFECT_SIZE_FLOOR = 0.1;
    /**
     * Share of a categorical column's current rows in categories the reference never had at which
     * the column drifts under every preset: 1 %, a tenth of the effect-size floor. A model scores
     * such rows on a bucket it never learned (or loses them); one row in 100,000 may be a typo,
     * one in a hundred is a change in the data. The sandbox's choice, not a published standard.
     */
    public static final double UNSEEN_SHARE = 0.01;

    private final String id;

    DriftPreset(String id) {
        this.id = id;
    }

    /** The name used on the command line and in reports. */
    public String id() {
        return id;
    }

    /** Looks a preset up by its name; the error lists the valid names. */
    public static DriftPreset byName(String name) {
        for (DriftPreset p : values()) {
            if (p.id.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new DriftInputException("unknown preset '" + name + "'; use one of "
                + Arrays.stream(values()).map(DriftPreset::id).toList());
    }

    /** The PSI band of a value: none, moderate or significant. */
    public static String psiBand(double psi) {
        return psi < PSI_MODERATE ? "none" : psi < PSI_SIGNIFICANT ? "moderate" : "significant";
    }

    /** Judges every column and the data set. */
    public DriftVerdict decide(List<ColumnDrift> columns) {
        List<ColumnVerdict> tested = new ArrayList<>();
        switch (this) {
            case EVIDENTLY -> columns.forEach(c -> tested.add(evidently(c)));
            case LAKEHOUSE -> columns.forEach(c -> {
                String band = psiBand(c.psi());
                tested.add(new ColumnVerdict(c.name(), "psi", c.psi(), PSI_SIGNIFICANT, c.psi() >= PSI_SIGNIFICANT,
                        "PSI " + fmt(c.psi()) + " is in band '" + band + "' (>= 0.2 is significant)"));
            });
            default -> tested.addAll(rigorous(columns));
        }
        List<ColumnVerdict> out = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            out.add(unseenRule(columns.get(k), tested.get(k)));
        }
        long drifted = out.stream().filter(ColumnVerdict::drifted).count();
        double share = out.isEmpty() ? 0.0 : (double) drifted / out.size();
        return switch (this) {
            case EVIDENTLY -> new DriftVerdict(id, out, share, !out.isEmpty() && share >= EVIDENTLY_DATASET_SHARE,
                    "dataset drift when at least 50 % of the columns drift");
            case LAKEHOUSE -> new DriftVerdict(id, out, share, drifted > 0,
                    "dataset drift when any column's PSI is significant (>= 0.2)");
            default -> new DriftVerdict(id, out, share, drifted > 0,
                    "dataset drift when any column drifts after the " + correctionName() + " correction");
        };
    }

    /**
     * The rule every preset shares: unseen categories at {@link #UNSEEN_SHARE} of the current rows
     * or more make the column drift; the preset's own finding stays in the reason.
     */
    static ColumnVerdict unseenRule(ColumnDrift c, ColumnVerdict tested) {
        if (!(c instanceof CategoricalDrift cd) || cd.unseen().share() < UNSEEN_SHARE) {
            return tested;
        }
        UnseenCategories u = cd.unseen();
        return new ColumnVerdict(c.name(), "unseenCategories", u.share(), UNSEEN_SHARE, true,
                "categories the reference never had hold " + UnseenCategories.percent(u.share()) + " of the current rows ("
                        + u.describe() + "), at least 1 %: drift under every preset; the " + tested.test()
                        + " test alone: " + tested.reason() + (tested.drifted() ? " (drifted)" : " (not drifted)"));
    }

    /**
     * Evidently's default test ({@code get_default_stattest} in evidently/legacy/calculations/stattests/
     * registry.py, and the column typing of {@code _get_column_type} in legacy/utils/data_preprocessing.py).
     * A numeric column is tested as categorical when both samples together hold at most 5 distinct
     * values, or when it is integer-typed and the reference holds at most 5.
     */
    private static ColumnVerdict evidently(ColumnDrift c) {
        boolean small = c.referenceCount() <= EVIDENTLY_SMALL_REFERENCE;
        if (c instanceof NumericDrift n) {
            FewValues f = n.fewValues();
            if (f != null && (f.pooledDistinct() <= FewValues.MAX || n.integral())) {
                String why = f.pooledDistinct() <= FewValues.MAX
                        ? "numeric with " + f.pooledDistinct() + " distinct values in both samples (<= 5), tested as categorical"
                        : "integer column with " + f.values().length + " distinct reference values (<= 5), typed categorical";
                return categoricalTest(c.name(), f.histogram(), f.pooledDistinct(), small, why + "; ");
            }
            if (small) {
                return new ColumnVerdict(c.name(), "ks", n.pValue(), ALPHA, n.pValue() < ALPHA,
                        "reference <= 1000 rows: KS p-value " + fmt(n.pValue()) + " vs 0.05");
            }
            double w = n.wassersteinNormalized();
            return new ColumnVerdict(c.name(), "wassersteinNormalized", w, EVIDENTLY_DISTANCE_THRESHOLD,
                    w >= EVIDENTLY_DISTANCE_THRESHOLD, "reference > 1000 rows: Wasserstein / std " + fmt(w) + " vs 0.1");
        }
        CategoricalDrift cd = (CategoricalDrift) c;
        return categoricalTest(c.name(), cd.histogram(), pooledCategories(cd), small, "");
    }

    /**
     * Evidently's categorical tests: on a reference of at most 1000 rows the two-proportion z-test
     * when both samples hold at most two values, chi-square otherwise; on a larger one
     * Jensen-Shannon distance over the values (natural log, threshold 0.1).
     */
    private static ColumnVerdict categoricalTest(String name, Histogram h, int pooled, boolean small, String why) {
        if (small && pooled <= 2) {
            double p = proportionZTestP(h);
            return new ColumnVerdict(name, "zTest", p, ALPHA, p < ALPHA, why + "reference <= 1000 rows, at most 2 "
                    + "values: two-proportion z-test p-value " + fmt(p) + " vs 0.05");
        }
        if (small) {
            double p = ChiSquare.test(h.reference(), h.current()).pValue();
            return new ColumnVerdict(name, "chiSquare", p, ALPHA, p < ALPHA, why + "reference <= 1000 rows: chi-square "
                    + "p-value " + fmt(p) + " vs 0.05");
        }
        double js = Distances.jensenShannon(h.referenceShare(), h.currentShare(), Math.E);
        return new ColumnVerdict(name, "jensenShannon", js, EVIDENTLY_DISTANCE_THRESHOLD,
                js >= EVIDENTLY_DISTANCE_THRESHOLD, why + "reference > 1000 rows: Jensen-Shannon " + fmt(js) + " vs 0.1");
    }

    /** Distinct categories over both samples: reference categories present on either side, and each unseen one. */
    static int pooledCategories(CategoricalDrift cd) {
        Histogram h = cd.histogram();
        int k = 0;
        for (int b = 0; b < h.reference().length - 1; b++) {
            k += h.reference()[b] + h.current()[b] > 0 ? 1 : 0;
        }
        return k + cd.unseen().distinct();
    }

    /**
     * Evidently's test for binary categoricals on small references: the pooled two-proportion
     * z-test of the share of the first category, p = 2 (1 - Phi(|z|)). 1 when both sides hold one
     * and the same value.
     */
    static double proportionZTestP(Histogram h) {
        int first = -1;
        for (int b = 0; b < h.reference().length && first < 0; b++) {
            first = h.reference()[b] + h.current()[b] > 0 ? b : -1;
        }
        long n1 = java.util.Arrays.stream(h.reference()).sum();
        long n2 = java.util.Arrays.stream(h.current()).sum();
        double p1 = (double) h.reference()[first] / n1;
        double p2 = (double) h.current()[first] / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        if (pooled == 0 || pooled == 1) {
            return 1.0;
        }
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return 2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
    }

    private List<ColumnVerdict> rigorous(List<ColumnDrift> columns) {
        double[] p = columns.stream().mapToDouble(ColumnDrift::pValue).toArray();
        double[] adj = this == RIGOROUS ? benjaminiHochberg(p) : bonferroni(p);
        List<ColumnVerdict> out = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            ColumnDrift c = columns.get(k);
            boolean significant = adj[k] < ALPHA;
            boolean large = c.effectSize() >= EFFECT_SIZE_FLOOR;
            String effect = c instanceof NumericDrift ? "KS D" : "TV";
            out.add(new ColumnVerdict(c.name(), c instanceof NumericDrift ? "ks" : "chiSquare", adj[k], ALPHA,
                    significant && large, correctionName() + "-adjusted p " + fmt(adj[k]) + (significant ? " < " : " >= ")
                    + "0.05, " + effect + " " + fmt(c.effectSize()) + (large ? " >= " : " < ") + "0.1"
                    + (significant && !large ? " (significant but negligible)" : "")));
        }
        return out;
    }

    private String correctionName() {
        return this == RIGOROUS_BONFERRONI ? "Bonferroni" : "Benjamini-Hochberg";
    }

    /** Benjamini-Hochberg adjusted p-values (step-up, monotone, capped at 1). */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double[] adj = new double[m];
        double running = 1.0;
        for (int r = 0; r < m; r++) {
            int k = order[r];
            int rank = m - r;
            running = Math.min(running, p[k] * m / rank);
            adj[k] = running;
        }
        return adj;
    }

    /** Bonferroni adjusted p-values. */
    public static double[] bonferroni(double[] p) {
        return Arrays.stream(p).map(v -> Math.min(1.0, v * p.length)).toArray();
    }

    private static String fmt(double v) {
        return dev.mlsandbox.report.Format.number(v);
    }
}
