package dev.mlsandbox.lab;

import java.util.Map;

/**
 * A lab's options: an immutable record whose components are the lab's parameters, each documented
 * with {@link Parameter}, with a {@code static defaults()} (every default documented) and a seed.
 *
 * <p>Options round-trip through a parameter map, which is how the CLI, the tour and a bundle
 * configure a lab: {@link #toParameters()} writes every parameter as text, and the record's
 * {@code static fromParameters(Map<String, String>)} (one line: {@link LabParameters#fromMap}) reads
 * them back, taking the default for any parameter the map leaves out. A report's
 * {@code provenance.parameters} is this map, so a report says how to repeat its run.
 */
public interface LabOptions {

    /** The seed of every source of randomness in the run. */
    long seed();

    /** Every parameter as text, in the record's order; {@code fromParameters} of it gives these options back. */
    default Map<String, String> toParameters() {
        return LabParameters.toMap(this);
    }
}
