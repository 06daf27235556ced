package dev.mlsandbox;

import java.util.List;
import java.util.Optional;

import dev.mlsandbox.drift.lab.DriftLab;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.pipeline.lab.PipelineLab;
import dev.mlsandbox.registry.lab.RegistryLab;
import dev.mlsandbox.retraining.lab.RetrainingLab;
import dev.mlsandbox.tracking.lab.TrackingLab;
import dev.mlsandbox.tuning.lab.TuningLab;

/**
 * The catalog of labs, in the order the tour runs them (the order of the concept map). A new lab
 * adds its descriptor here, one line; {@code bin/sandbox lab <name>} (with options and
 * {@code --help} generated from the lab's parameters), {@code bin/sandbox labs} and the tour pick
 * it up from this list.
 */
public final class Labs {

    private static final List<LabDescriptor<?, ?>> ALL = List.of(
            PipelineLab.DESCRIPTOR,
            TuningLab.DESCRIPTOR,
            TrackingLab.DESCRIPTOR,
            RegistryLab.DESCRIPTOR,
            DriftLab.DESCRIPTOR,
            RetrainingLab.DESCRIPTOR);

    private Labs() {
    }

    public static List<LabDescriptor<?, ?>> all() {
        return ALL;
    }

    public static Optional<LabDescriptor<?, ?>> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(LabDescriptor::name).toList();
    }
}
