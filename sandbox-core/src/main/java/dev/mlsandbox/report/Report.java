package dev.mlsandbox.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A lab's report: what a person reads, what a notebook shows, what a program checks.
 *
 * @param lab        short name of the lab ({@code pipeline}, {@code tuning}, ...)
 * @param title      the headline
 * @param summary    one paragraph saying what the lab ran
 * @param provenance versions, seed, sizes, timings
 * @param takeaways  "what this shows", each tied to a measured number
 * @param sections   the body, in reading order
 * @param data       machine-readable results; each entry becomes a top-level key of report.json
 */
public record Report(String lab, String title, String summary, Provenance provenance, List<Takeaway> takeaways,
                     List<Section> sections, Map<String, Object> data) {

    /** Keys report.json reserves for itself; {@code data} may not use them. */
    public static final Set<String> RESERVED_KEYS =
            Set.of("schemaVersion", "lab", "title", "summary", "provenance", "takeaways", "sections");

    public Report {
        Objects.requireNonNull(lab, "lab");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(provenance, "provenance");
        summary = summary == null ? "" : summary;
        takeaways = List.copyOf(takeaways);
        sections = List.copyOf(sections);
        for (String key : data.keySet()) {
            if (RESERVED_KEYS.contains(key)) {
                throw new IllegalArgumentException("report data key '" + key + "' is reserved by report.json; rename it");
            }
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static Builder builder(String lab, String title) {
        return new Builder(lab, title);
    }

    /** Collects the parts of a report in reading order. */
    public static final class Builder {
        private final String lab;
        private final String title;
        private String summary = "";
        private Provenance provenance;
        private final List<Takeaway> takeaways = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private final Map<String, Object> data = new LinkedHashMap<>();

        private Builder(String lab, String title) {
            this.lab = lab;
            this.title = title;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder provenance(Provenance value) {
            this.provenance = value;
            return this;
        }

        public Builder takeaway(String text, String measure, double value) {
            takeaways.add(new Takeaway(text, measure, value));
            return this;
        }

        public Builder section(Section section) {
            sections.add(section);
            return this;
        }

        public Builder data(String key, Object value) {
            data.put(key, value);
            return this;
        }

        public Report build() {
            return new Report(lab, title, summary, provenance, takeaways, sections, data);
        }
    }
}
