package dev.mlsandbox.serving.scorer;

import dev.mlsandbox.registry.signature.ColumnType;

/**
 * One compiled stage: reads its input slots of a row and writes its output slots. Slot numbers
 * are fixed when the pipeline is compiled, so scoring a row is a loop over kernels with no name
 * lookups.
 */
interface Kernel {

    /**
     * Transforms one row in place.
     *
     * @param slots the row's values: inputs first filled from the request, outputs written here
     * @param types the MLflow type of each scalar slot for this request (vectors: null)
     * @return false when the stage drops the row ({@code handleInvalid = "skip"}), as Spark filters it
     * @throws ScoringFailure where Spark's transform would fail on this row
     */
    boolean apply(Object[] slots, ColumnType[] types);

    /** Sets the types of the slots this stage writes, once per request; most write doubles or vectors. */
    default void propagateTypes(ColumnType[] types) {
    }
}
