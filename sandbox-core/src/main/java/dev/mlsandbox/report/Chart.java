package dev.mlsandbox.report;

/** A chart: the HTML renderer draws it as inline SVG, the Markdown renderer lists its data. */
public sealed interface Chart extends Block permits BarChart, LineChart {
    String title();

    String xLabel();

    String yLabel();
}
