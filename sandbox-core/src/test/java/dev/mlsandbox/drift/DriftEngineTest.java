package dev.mlsandbox.drift;

import static dev.mlsandbox.drift.DriftTestData.lcg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftEngineTest {

    @Test
    void savedBinsReloadBitIdenticalAndGiveTheSamePsiOnALaterWindow(@TempDir Path dir) {
        DriftEngine engine = DriftEngine.defaults();
        DriftTable ref = DriftTable.builder().numeric("x", lcg(21, 1000))
                .categorical("plan", BinnedMetricsTest.repeat(new String[] {"a", "b", "c"}, new int[] {50, 30, 20}))
                .build();
        DriftBins bins = engine.fit(ref);
        Path file = dir.resolve("bins.json");
        bins.save(file);
        DriftBins loaded = DriftBins.load(file);
        assertEquals(bins, loaded);
        assertEquals(java.util.List.of("a", "b", "c"), loaded.categorical("plan").orElseThrow().categories());

        // A later window evaluated on the saved bins. numpy with edges fitted on lcg(21,1000):
        // psi_saved: lcg(29,600,scale=0.8,shift=0.3) -> psi=1.8601213575973294, js=0.3452803852101504
        DriftTable later = DriftTable.builder().numeric("x", lcg(29, 600, 0.8, 0.3))
                .categorical("plan", BinnedMetricsTest.repeat(new String[] {"a", "d"}, new int[] {5, 5})).build();
        DriftResult r = engine.compare(ref, later, loaded);
        NumericDrift x = (NumericDrift) r.column("x");
        assertEquals(1.8601213575973294, x.psi(), 1e-12);
        assertEquals(0.3452803852101504, x.jensenShannon(), 1e-12);
        assertArrayEquals(bins.numeric("x").orElseThrow().edges(), x.bins().edges(), 0.0);
        CategoricalDrift plan = (CategoricalDrift) r.column("plan");
        assertEquals(5, plan.unseenCount());
    }

    @Test
    void binsFileErrorsAreClear(@TempDir Path dir) throws Exception {
        DriftInputException missing = assertThrows(DriftInputException.class,
                () -> DriftBins.load(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"columns\": 3}");
        assertTrue(assertThrows(DriftInputException.class, () -> DriftBins.load(bad)).getMessage()
                .contains("not a drift bins file"));
    }

    @Test
    void rigorousIgnoresASignificantButNegligibleShiftThatEvidentlyAlsoIgnores() {
        // 20000 vs 20000, shift 0.02 of a U(0,1): KS p ~ 1e-3 but D ~ 0.02 (negligible).
        DriftTable ref = DriftTable.builder().numeric("x", lcg(41, 20000)).build();
        DriftTable cur = DriftTable.builder().numeric("x", lcg(42, 20000, 1.0, 0.02)).build();
        DriftResult rig = DriftEngine.defaults().compare(ref, cur);
        ColumnDrift x = rig.column("x");
        assertTrue(x.pValue() < 0.05, "p " + x.pValue());
        assertTrue(x.effectSize() < 0.1);
        assertFalse(rig.verdict().columns().get(0).drifted());
        assertTrue(rig.verdict().columns().get(0).reason().contains("negligible"));
        DriftResult ev = DriftEngine.builder().preset(DriftPreset.EVIDENTLY).build().compare(ref, cur);
        assertEquals("wassersteinNormalized", ev.verdict().columns().get(0).test());
        assertFalse(ev.datasetDrift());
    }

    @Test
    void evidentlyUsesKsOnSmallReferencesAndShareForTheDataset() {
        DriftTable ref = DriftTable.builder().numeric("a", lcg(1, 300)).numeric("b", lcg(3, 300)).build();
        DriftTable cur = DriftTable.builder().numeric("a", lcg(2, 200, 1.0, 0.1)).numeric("b", lcg(4, 200)).build();
        DriftResult r = DriftEngine.builder().preset(DriftPreset.EVIDENTLY).build().compare(ref, cur);
        assertEquals("ks", r.verdict().columns().get(0).test());
        assertTrue(r.verdict().columns().get(0).drifted()); // p = 0.0083 (scipy)
        assertFalse(r.verdict().columns().get(1).drifted());
        assertEquals(0.5, r.verdict().driftedShare());
        assertTrue(r.datasetDrift()); // >= 50 %
    }

    @Test
    void evidentlyUsesTheTwoProportionZTestForBinaryCategoricalsOnSmallReferences() {
        // Evidently: p = 2 * (1 - norm.cdf(|z|)), pooled two-proportion z of the first category's share
        // ref 300 a / 200 b, cur 90 a / 110 b -> z = -3.6093344657096833, p = 0.0003069835938871446 (scipy.stats.norm)
        DriftTable ref = DriftTable.builder()
                .categorical("flag", BinnedMetricsTest.repeat(new String[] {"a", "b"}, new int[] {300, 200})).build();
        DriftTable cur = DriftTable.builder()
                .categorical("flag", BinnedMetricsTest.repeat(new String[] {"a", "b"}, new int[] {90, 110})).build();
        ColumnVerdict v = DriftEngine.builder().preset(DriftPreset.EVIDENTLY).build().compare(ref, cur)
                .verdict().columns().get(0);
        assertEquals("zTest", v.test());
        assertEquals(0.0003069835938871446, v.value(), 0.0003069835938871446 * 1e-6);
        assertTrue(v.drifted());
        // Three categories: chi-square again.
        DriftTable ref3 = DriftTable.builder()
                .categorical("flag", BinnedMetricsTest.repeat(new String[] {"a", "b", "c"}, new int[] {300, 190, 10}))
                .build();
        DriftTable cur3 = DriftTable.builder()
                .categorical("flag", BinnedMetricsTest.repeat(new String[] {"a", "b", "c"}, new int[] {90, 100, 10}))
                .build();
        assertEquals("chiSquare", DriftEngine.builder().preset(DriftPreset.EVIDENTLY).build().compare(ref3, cur3)
                .verdict().columns().get(0).test());
    }

    @Test
    void lakehouseUsesPsiBands() {
        DriftTable ref = DriftTable.builder().numeric("x", lcg(21, 1000)).build();
        DriftTable cur = DriftTable.builder().numeric("x", lcg(22, 800, 1.0, 0.1)).build();
        DriftResult r = DriftEngine.builder().preset(DriftPreset.LAKEHOUSE).build().compare(ref, cur);
        assertEquals("psi", r.verdict().columns().get(0).test());
        assertEquals(0.7795210102965058, r.verdict().columns().get(0).value(), 1e-12);
        assertTrue(r.datasetDrift());
        assertEquals("moderate", DriftPreset.psiBand(0.15));
        assertEquals("none", DriftPreset.psiBand(0.05));
    }

    @Test
    void benjaminiHochbergAndBonferroniByHand() {
        // p = (0.01, 0.04, 0.03, 0.005), m = 4: ranks 2,4,3,1 -> raw p*m/rank = 0.02, 0.04, 0.04, 0.02;
        // step-up minimum from the largest rank keeps them.
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
                DriftPreset.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-15);
        // (0.01, 0.02, 0.9): raw 0.03, 0.03, 0.9
        assertArrayEquals(new double[] {0.03, 0.03, 0.9},
                DriftPreset.benjaminiHochberg(new double[] {0.01, 0.02, 0.9}), 1e-15);
        assertArrayEquals(new double[] {0.04, 1.0}, DriftPreset.bonferroni(new double[] {0.02, 0.7}), 1e-15);
    }

    @Test
    void rigorousCorrectionCanUnflagAColumn() {
        // One real p of 0.03 among 5 columns: significant alone, not after correction.
        double[] p = {0.03, 0.5, 0.6, 0.7, 0.8};
        assertTrue(DriftPreset.benjaminiHochberg(p)[0] >= 0.05);
        assertTrue(DriftPreset.bonferroni(p)[0] >= 0.05);
    }

    @Test
    void missingOrMistypedColumnsAreNamed() {
        DriftTable ref = DriftTable.builder().numeric("x", 1, 2, 3).numeric("y", 1, 2).build();
        DriftTable cur = DriftTable.builder().numeric("x", 1, 2, 3).build();
        DriftInputException e = assertThrows(DriftInputException.class, () -> DriftEngine.defaults().compare(ref, cur));
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("not in the current"), e.getMessage());
        DriftTable cur2 = DriftTable.builder().numeric("x", 1, 2, 3).categorical("y", "a").build();
        assertTrue(assertThrows(DriftInputException.class, () -> DriftEngine.defaults().compare(ref, cur2))
                .getMessage().contains("numeric in the reference but categorical"));
        assertThrows(DriftInputException.class, () -> DriftPreset.byName("strict"));
    }

    @Test
    void reportJsonHasTheFieldsTheIssueLists() {
        DriftTable ref = DriftTable.builder().numeric("x", lcg(21, 1000))
                .categorical("plan", BinnedMetricsTest.repeat(new String[] {"a", "b"}, new int[] {600, 400})).build();
        DriftTable cur = DriftTable.builder().numeric("x", lcg(22, 800, 1.0, 0.1))
                .categorical("plan", BinnedMetricsTest.repeat(new String[] {"a", "b", "z"}, new int[] {300, 400, 100}))
                .build();
        DriftResult r = DriftEngine.defaults().compare(ref, cur);
        var json = dev.mlsandbox.report.JsonRenderer.parse(new dev.mlsandbox.report.JsonRenderer().render(r.report()));
        var x = json.path("columns").get(0);
        assertEquals("x", x.path("name").asText());
        assertEquals("numeric", x.path("type").asText());
        assertTrue(x.path("tests").path("ks").path("statistic").isNumber());
        assertTrue(x.path("tests").path("ks").path("pValue").isNumber());
        assertEquals(r.columns().get(0) instanceof NumericDrift n ? n.ks().location() : Double.NaN,
                x.path("tests").path("ks").path("location").asDouble());
        assertEquals(1, Math.abs(x.path("tests").path("ks").path("sign").asInt()));
        assertEquals(10, x.path("tests").path("psi").path("bins").asInt());
        assertTrue(x.path("tests").path("wasserstein").path("value").isNumber());
        assertTrue(x.path("tests").path("jensenShannon").path("value").isNumber());
        assertTrue(x.path("drifted").isBoolean());
        var plan = json.path("columns").get(1);
        assertEquals("categorical", plan.path("type").asText());
        // undefined (unseen 'z' has expected count 0): null with the reason, never "Infinity"
        assertTrue(plan.path("tests").path("chiSquare").path("statistic").isNull());
        assertTrue(plan.path("tests").path("chiSquare").path("undefinedBecause").isTextual());
        assertEquals(0.0, plan.path("tests").path("chiSquare").path("pValue").asDouble());
        assertTrue(json.path("datasetDrift").asBoolean());
        assertTrue(json.path("timings").path("computeSeconds").isNumber());
        assertTrue(json.path("timings").path("loadSeconds").isNumber());
    }
}
