package dev.mlsandbox.report;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One piece of a report section. The {@code type} field names the kind in JSON. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"),
        @JsonSubTypes.Type(value = Table.class, name = "table"),
        @JsonSubTypes.Type(value = KeyValues.class, name = "keyValues"),
        @JsonSubTypes.Type(value = CodeBlock.class, name = "code"),
        @JsonSubTypes.Type(value = BarChart.class, name = "barChart"),
        @JsonSubTypes.Type(value = LineChart.class, name = "lineChart")})
public sealed interface Block permits Paragraph, Table, KeyValues, CodeBlock, Chart {
}
