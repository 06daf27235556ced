package dev.mlsandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;

class RenderersTest {

    private final Report report = ReportFixtures.everyBlock();

    @Test
    void jsonHasStableTopLevelKeysInOrderWithDataInTheMiddle() {
        JsonNode json = JsonRenderer.parse(new JsonRenderer().render(report));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("schemaVersion", "lab", "title", "summary", "provenance", "takeaways", "crossValidator", "sections"), keys);
        assertEquals(JsonRenderer.SCHEMA_VERSION, json.get("schemaVersion").asInt());
        assertEquals(13.0, json.at("/takeaways/0/value").asDouble());
        assertEquals("crossValidator.fits", json.at("/takeaways/0/measure").asText());
        assertEquals(3, json.at("/crossValidator/folds").size());
        assertEquals("local[2]", json.at("/provenance/master").asText());
        assertEquals(7, json.at("/provenance/seed").asLong());
        assertEquals("barChart", json.at("/sections/1/blocks/1/type").asText());
        assertEquals("lineChart", json.at("/sections/1/blocks/2/type").asText());
        assertTrue(json.at("/sections/1/blocks/2/series/1/step").asBoolean());
    }

    @Test
    void reservedKeysCannotBeShadowedByData() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Report.builder("x", "y").provenance(report.provenance()).data("title", 1).build());
        assertTrue(e.getMessage().contains("'title' is reserved"), e.getMessage());
    }

    @Test
    void markdownHasHeadingsTakeawaysEscapedTablesAndChartData() {
        String md = new MarkdownRenderer().render(report);
        assertTrue(md.startsWith("# A <demo> & report\n"));
        assertTrue(md.contains("## What this shows\n\n- CV fitted 13 models"));
        assertTrue(md.contains("| a\\|b | 1.000e-07 |"), md);
        assertTrue(md.contains("| maxDepth=3 | 0.8123 |"), md);
        assertTrue(md.contains("**Chart: Time per strategy (seconds)**"));
        assertTrue(md.contains("| CV | 3 ± 0.2 |"), md);
        assertTrue(md.contains("```text\nline one\nline | two\n```"));
        assertTrue(md.contains("master `local[2]`, seed 7, rows 100"));
    }

    @Test
    void htmlIsSelfContainedEscapedAndHasOneSvgPerChart() {
        String html = new HtmlRenderer().render(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>A &lt;demo&gt; &amp; report</title>"));
        assertFalse(html.contains("<demo>"), "raw markup from text must be escaped");
        assertFalse(html.contains("<script"), "reports carry no scripts");
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "reports load nothing from the network");
        assertEquals(2, count(html, "<svg "));
        assertTrue(html.contains("<code>inline code</code>"));
        assertTrue(html.contains("name=\"viewport\""));
        assertTrue(html.contains("@media print"));
    }

    @Test
    void everySvgChartIsWellFormedXmlWithOneRectPerFiniteBar() throws Exception {
        SvgChart svg = new SvgChart();
        for (Section s : report.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Chart chart) {
                    String text = svg.render(chart);
                    var factory = DocumentBuilderFactory.newInstance();
                    factory.setNamespaceAware(true);
                    var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
                    assertEquals("svg", doc.getDocumentElement().getLocalName());
                    if (chart instanceof BarChart) {
                        assertEquals(2, doc.getElementsByTagName("rect").getLength());
                    }
                }
            }
        }
    }

    @Test
    void barHeightsAreProportionalToValues() {
        String text = new SvgChart().render(new BarChart("t", "x", "y", List.of("a", "b"),
                List.of(new BarChart.Series("s", List.of(1.0, 4.0)))));
        List<Double> heights = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("class=\"bar\"[^>]*height=\"([0-9.]+)\"").matcher(text);
        while (m.find()) {
            heights.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(2, heights.size());
        assertEquals(4.0, heights.get(1) / heights.get(0), 0.02);
    }

    @Test
    void lineMarkersAndGuidesAreDrawnInTheirSeriesColourAndListedInMarkdown() throws Exception {
        LineChart chart = new LineChart("Quality", "window", "AUC", List.of(
                new LineChart.XYSeries("blind", List.of(1.0, 2.0, 3.0), List.of(0.8, 0.6, 0.7)),
                new LineChart.XYSeries("gated", List.of(1.0, 2.0, 3.0), List.of(0.8, 0.8, 0.8))))
                .with(List.of(new LineChart.Marker("blind", 2, 0.6, LineChart.Shape.TRIANGLE, "retrained", "v2"),
                        new LineChart.Marker("gated", 2, 0.8, LineChart.Shape.CROSS, "refused", "v2 < v1"),
                        new LineChart.Marker("gated", 3, 0.8, LineChart.Shape.CROSS, "refused", "v3 < v1"),
                        new LineChart.Marker("gated", 3, Double.NaN, LineChart.Shape.DOT, "promoted", "no y: not drawn")),
                        List.of(new LineChart.Guide(2, "anomaly & <stuff>")));
        String text = new SvgChart().render(chart);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        assertEquals(3, count(text, "class=\"marker\""), "a marker without a finite y is skipped");
        assertEquals(1, count(text, "class=\"guide\""));
        assertTrue(text.contains("anomaly &amp; &lt;stuff&gt;"));
        assertTrue(text.contains("stroke=\"" + SvgChart.PALETTE[1] + "\" stroke-width=\"2.5\""), "a cross in the gated colour");
        String legend = text.substring(text.indexOf("marker-legend"), text.indexOf("</g>", text.indexOf("marker-legend")));
        assertEquals(2, count(legend, "font-size=\"11\""),
                "the legend explains each kind of marker once");
        assertEquals(text, new SvgChart().render(chart));
        Report r = Report.builder("demo", "t").provenance(report.provenance())
                .section(Section.builder("s").add(chart).build()).build();
        String md = new MarkdownRenderer().render(r);
        assertTrue(md.contains("| 2 | gated | refused | v2 < v1 |"), md);
        assertTrue(md.contains("| 2 | anomaly & <stuff> |"), md);
        JsonNode json = JsonRenderer.parse(new JsonRenderer().render(r));
        assertEquals("TRIANGLE", json.at("/sections/0/blocks/0/markers/0/shape").asText());
        assertEquals(2.0, json.at("/sections/0/blocks/0/guides/0/x").asDouble());
    }

    @Test
    void svgOutputIsRepeatable() {
        Chart chart = (Chart) report.sections().get(1).blocks().get(2);
        assertEquals(new SvgChart().render(chart), new SvgChart().render(chart));
    }

    @Test
    void writerWritesAllThreeFilesAndLeavesNoTemporaries(@TempDir Path dir) throws Exception {
        var files = new ReportWriter().write(report, dir.resolve("demo"));
        assertTrue(Files.readString(files.json()).contains("\"lab\" : \"demo\""));
        assertTrue(Files.readString(files.markdown()).startsWith("# "));
        assertTrue(Files.readString(files.html()).contains("<svg "));
        try (var listing = Files.list(dir.resolve("demo"))) {
            assertEquals(List.of("report.html", "report.json", "report.md"),
                    listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void tableRowsMustMatchColumns() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Table("t", List.of("a", "b"), List.of(List.of("1"))));
        assertTrue(e.getMessage().contains("row 0 has 1 cells but there are 2 columns"));
    }

    @Test
    void indexPageLinksSuccessfulLabsAndNamesFailures(@TempDir Path dir) throws Exception {
        Path index = new IndexPage().write(dir, "Tour", List.of(
                new IndexPage.Entry("pipeline", "Pipeline lab", "what fit does", "ok", 2.0, List.of("a takeaway")),
                new IndexPage.Entry("broken", "broken", "x", "IllegalStateException: boom", 0.1, List.of())),
                report.provenance());
        String html = Files.readString(index);
        assertTrue(html.contains("href=\"pipeline/report.html\""));
        assertFalse(html.contains("href=\"broken/report.html\""));
        assertTrue(html.contains("failed: IllegalStateException: boom"));
        assertTrue(html.contains("1 of 2 labs ran"));
    }

    @Test
    void formatKeepsFourSignificantDigits() {
        assertEquals("0.8123", Format.number(0.81234567));
        assertEquals("1235", Format.number(1234.5678));
        assertEquals("1.000e-07", Format.number(1e-7));
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("45 ms", Format.seconds(0.045));
        assertEquals("3.1x", Format.times(3.14159));
        assertEquals("1", KeyValues.of("k", Map.of("a", 1.0)).entries().get(0).value());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
