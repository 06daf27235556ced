/**
 * The report model and its three renderers.
 *
 * <p>A {@link dev.mlsandbox.report.Report} is plain data: a title, "what this shows"
 * {@link dev.mlsandbox.report.Takeaway takeaways} each tied to a measured number, sections of
 * {@link dev.mlsandbox.report.Block blocks} (text, tables, charts, code), the run's
 * {@link dev.mlsandbox.report.Provenance provenance}, and {@code data}: the machine-readable
 * result that becomes the top-level keys of {@code report.json}.
 *
 * <p>Renderers never compute: {@link dev.mlsandbox.report.JsonRenderer} (stable, documented in
 * docs/report-format.md), {@link dev.mlsandbox.report.MarkdownRenderer} and
 * {@link dev.mlsandbox.report.HtmlRenderer} (self-contained: inline CSS and SVG charts drawn by
 * {@link dev.mlsandbox.report.SvgChart}, no network). {@link dev.mlsandbox.report.ReportWriter}
 * writes all three atomically.
 */
package dev.mlsandbox.report;
