package dev.mlsandbox.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Labelled values shown as a definition list, in the order given. */
public record KeyValues(String caption, List<Entry> entries) implements Block {

    public KeyValues {
        caption = caption == null ? "" : caption;
        entries = List.copyOf(entries);
    }

    /** One labelled value. */
    public record Entry(String key, String value) {
    }

    public static KeyValues of(String caption, Map<String, ?> values) {
        return new KeyValues(caption, new LinkedHashMap<>(values).entrySet().stream()
                .map(e -> new Entry(e.getKey(), Format.cell(e.getValue()))).toList());
    }
}
