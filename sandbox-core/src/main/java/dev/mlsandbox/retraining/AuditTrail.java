package dev.mlsandbox.retraining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each strategy's models are registered and promoted: one registered model per strategy,
 * a version per retrained model (tagged with why it was trained and what the gate said), the
 * {@code @challenger} alias on the newest version, {@code @champion} on the serving one and
 * {@code @previous-champion} on the one before, for rollback. The version history is the audit
 * trail. The lab uses a real registry server; {@link #inMemory()} keeps the same numbering without
 * one, for tests that only need the loop.
 */
public interface AuditTrail {

    /** Registers the strategy's first model and makes it {@code @champion}; returns its version. */
    long start(Strategy strategy, TrainedModel model, Map<String, String> tags);

    /** Registers a new version from {@code model} and points {@code @challenger} at it. */
    long register(Strategy strategy, TrainedModel model, Map<String, String> tags);

    /** Moves {@code @champion} to {@code version}, keeping the old one as {@code @previous-champion}. */
    void promote(Strategy strategy, long version);

    /** Points {@code @champion} back at {@code @previous-champion}; returns the version now champion. */
    long rollback(Strategy strategy);

    /** The strategy's versions as the registry holds them now, oldest first. */
    List<VersionRecord> history(Strategy strategy);

    /**
     * One registered version, read back.
     *
     * @param version the version number
     * @param source  where its model came from ({@code runs:/<run>/model} in a registry)
     * @param tags    the tags set when it was registered
     * @param aliases the aliases pointing at it now
     */
    record VersionRecord(long version, String source, Map<String, String> tags, List<String> aliases) {
        public VersionRecord {
            tags = Map.copyOf(tags);
            aliases = List.copyOf(aliases);
        }
    }

    static AuditTrail inMemory() {
        return new InMemory();
    }

    /** Numbers and aliases kept in maps, exactly as the registry would assign them. */
    final class InMemory implements AuditTrail {
        private final Map<String, List<VersionRecord>> versions = new HashMap<>();
        private final Map<String, Map<String, Long>> aliases = new HashMap<>();

        @Override
        public long start(Strategy strategy, TrainedModel model, Map<String, String> tags) {
            long v = register(strategy, model, tags);
            aliases(strategy).remove("challenger");
            aliases(strategy).put("champion", v);
            return v;
        }

        @Override
        public long register(Strategy strategy, TrainedModel model, Map<String, String> tags) {
            List<VersionRecord> list = versions.computeIfAbsent(strategy.name(), k -> new ArrayList<>());
            long v = list.size() + 1;
            list.add(new VersionRecord(v, model.id(), tags, List.of()));
            aliases(strategy).put("challenger", v);
            return v;
        }

        @Override
        public void promote(Strategy strategy, long version) {
            Map<String, Long> a = aliases(strategy);
            Long old = a.get("champion");
            if (old != null && old != version) {
                a.put("previous-champion", old);
            }
            a.put("champion", version);
        }

        @Override
        public long rollback(Strategy strategy) {
            Map<String, Long> a = aliases(strategy);
            Long previous = a.remove("previous-champion");
            if (previous == null) {
                throw new IllegalStateException(strategy.name() + " has no @previous-champion to roll back to");
            }
            a.put("champion", previous);
            return previous;
        }

        @Override
        public List<VersionRecord> history(Strategy strategy) {
            Map<String, Long> a = aliases(strategy);
            List<VersionRecord> out = new ArrayList<>();
            for (VersionRecord r : versions.getOrDefault(strategy.name(), List.of())) {
                List<String> names = a.entrySet().stream().filter(e -> e.getValue() == r.version()).map(Map.Entry::getKey)
                        .sorted().toList();
                out.add(new VersionRecord(r.version(), r.source(), r.tags(), names));
            }
            return out;
        }

        private Map<String, Long> aliases(Strategy strategy) {
            return aliases.computeIfAbsent(strategy.name(), k -> new LinkedHashMap<>());
        }
    }
}
