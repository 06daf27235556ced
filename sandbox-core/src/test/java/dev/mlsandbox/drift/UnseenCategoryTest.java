package dev.mlsandbox.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsandbox.report.JsonRenderer;
import dev.mlsandbox.report.MarkdownRenderer;
import dev.mlsandbox.report.Report;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** A category the reference never had is drift under every preset, named, with its StringIndexer fate. */
class UnseenCategoryTest {

    /**
     * The case: a new category 'z' at 9.9 % of the current rows, the other shares scaled
     * down, so TV = 0.099: just under the rigorous effect-size floor, while chi-square is infinite.
     */
    static DriftTable[] newCategoryAtTenPercent(int scale) {
        String[] ref = BinnedMetricsTest.repeat(new String[] {"a", "b", "c", "d"},
                new int[] {400 * scale, 300 * scale, 200 * scale, 100 * scale});
        String[] cur = BinnedMetricsTest.repeat(new String[] {"a", "b", "c", "d", "z"},
                new int[] {363 * scale, 270 * scale, 180 * scale, 88 * scale, 99 * scale});
        return new DriftTable[] {DriftTable.builder().categorical("plan", ref).build(),
                DriftTable.builder().categorical("plan", cur).build()};
    }

    @ParameterizedTest
    @EnumSource(DriftPreset.class)
    void aNewCategoryAtTenPercentIsDriftUnderEveryPresetOnSmallAndLargeReferences(DriftPreset preset) {
        // 1000 reference rows: Evidently's small-reference tests; 5000: its distance tests.
        for (int scale : new int[] {1, 5}) {
            DriftTable[] t = newCategoryAtTenPercent(scale);
            DriftResult r = DriftEngine.builder().preset(preset).build().compare(t[0], t[1]);
            CategoricalDrift plan = (CategoricalDrift) r.column("plan");
            assertEquals(0.099, plan.totalVariation(), 1e-12);
            assertEquals(99L * scale, plan.unseenCount());
            assertEquals(List.of(new UnseenCategories.Category("z", 99L * scale, 0.099)), plan.unseen().top());
            ColumnVerdict v = r.verdict().columns().get(0);
            assertTrue(v.drifted(), preset + " " + v.reason());
            assertEquals("unseenCategories", v.test());
            assertEquals(0.099, v.value(), 1e-15);
            assertEquals(DriftPreset.UNSEEN_SHARE, v.threshold());
            assertTrue(v.reason().contains("'z' 9.90 %"), v.reason());
            assertTrue(r.datasetDrift(), preset.id());
        }
    }

    @Test
    void theRigorousTestAloneCallsItNegligibleAndTheReasonSaysSo() {
        DriftTable[] t = newCategoryAtTenPercent(5);
        ColumnVerdict v = DriftEngine.defaults().compare(t[0], t[1]).verdict().columns().get(0);
        assertTrue(v.reason().contains("TV 0.099 < 0.1 (significant but negligible) (not drifted)"), v.reason());
    }

    @ParameterizedTest
    @EnumSource(DriftPreset.class)
    void belowOnePercentTheRuleStaysQuietButTheCategoriesAreStillNamed(DriftPreset preset) {
        // 0.5 % new rows in two categories, the rest unchanged: TV 0.005, p = 0 (chi-square undefined).
        String[] ref = BinnedMetricsTest.repeat(new String[] {"a", "b"}, new int[] {3000, 2000});
        String[] cur = BinnedMetricsTest.repeat(new String[] {"a", "b", "new", "other"}, new int[] {2985, 1990, 20, 5});
        DriftResult r = DriftEngine.builder().preset(preset).build().compare(
                DriftTable.builder().categorical("plan", ref).build(), DriftTable.builder().categorical("plan", cur).build());
        CategoricalDrift plan = (CategoricalDrift) r.column("plan");
        assertEquals(new UnseenCategories(25, 0.005, 2, List.of(new UnseenCategories.Category("new", 20, 0.004),
                new UnseenCategories.Category("other", 5, 0.001))), plan.unseen());
        assertFalse(plan.chiSquare().defined());
        assertEquals(0.0, plan.pValue());
        ColumnVerdict v = r.verdict().columns().get(0);
        assertFalse(v.test().equals("unseenCategories"), v.reason());
        // No preset's own test calls 0.5 % drift here: Evidently's JS is 0.06 (large reference).
        assertFalse(v.drifted(), preset + ": " + v.reason());
        Report report = r.report();
        assertTrue(report.takeaways().stream().anyMatch(k -> k.text().contains("'new' 0.40 %, 'other' 0.10 %")
                && k.text().contains("handleInvalid=error still fails")), report.takeaways().toString());
    }

    @Test
    void theReportNamesTheCategoriesSaysWhatAStringIndexerDoesAndNeverPrintsInfinity() {
        DriftTable[] t = newCategoryAtTenPercent(5);
        Report report = DriftEngine.defaults().compare(t[0], t[1]).report();
        String json = new JsonRenderer().render(report);
        String md = new MarkdownRenderer().render(report);
        assertFalse(json.contains("\"Infinity\""), json);
        assertFalse(md.contains("Infinity"));
        JsonNode col = JsonRenderer.parse(json).get("columns").get(0);
        JsonNode chi = col.get("tests").get("chiSquare");
        assertTrue(chi.get("statistic").isNull(), chi.toString());
        assertEquals(0.0, chi.get("pValue").asDouble());
        assertTrue(chi.get("undefinedBecause").asText().contains("expected count is 0"));
        JsonNode unseen = col.get("tests").get("unseen");
        assertEquals(495, unseen.get("count").asLong());
        assertEquals("z", unseen.get("categories").get(0).get("name").asText());
        assertEquals(495, unseen.get("stringIndexer").get("skip").get("droppedRows").asLong());
        assertEquals(4, unseen.get("stringIndexer").get("keep").get("index").asInt());
        assertEquals("unseenCategories", col.get("verdict").get("test").asText());
        assertTrue(md.contains("## New categories"), md);
        assertTrue(md.contains("handleInvalid=\"error\" (the default) the transform fails; with \"skip\" the 495 rows "
                + "(9.90 %) are dropped and never scored; with \"keep\" they all map to index 4 (numLabels)"), md);
    }

    @Test
    void unseenCategoriesAreCountedByNameMostFrequentFirst() {
        CategoryBins bins = new CategoryBins(List.of("a"));
        CategoryBins.Counts c = bins.countAll(new String[] {"a", "y", "x", "y", "a", "x", "w"});
        assertEquals(List.of(2L, 5L), java.util.Arrays.stream(c.buckets()).boxed().toList());
        UnseenCategories u = UnseenCategories.of(c.unseen(), 7);
        assertEquals(List.of("x", "y", "w"), u.top().stream().map(UnseenCategories.Category::name).toList());
        assertEquals("'x' 28.6 %, 'y' 28.6 %, 'w' 14.3 %", u.describe());
    }
}
