package dev.mlsandbox.serving.scorer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column table of a pipeline while it compiles: which slot holds each column, and whether it
 * is a scalar or a vector of known size. A column read before any stage wrote it is a pipeline
 * input (a scalar from the request); a stage that writes a column name again replaces it, as
 * Spark's {@code withColumn} does.
 */
final class Layout {

    /** Marks a scalar slot in {@link #kind}. */
    static final int SCALAR = -1;

    private final Map<String, Integer> slotOf = new HashMap<>();
    private final List<Integer> kind = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<Integer> inputSlots = new ArrayList<>();
    private final Map<String, Integer> outputs = new LinkedHashMap<>();
    private String stage = "";

    /** Names the stage now compiling, for error messages. */
    void enter(String stageDescription) {
        this.stage = stageDescription;
    }

    String stage() {
        return stage;
    }

    /** The slot of a scalar column; a column nobody wrote becomes a pipeline input. */
    int scalar(String column) {
        Integer slot = slotOf.get(column);
        if (slot == null) {
            slot = newSlot(SCALAR);
            slotOf.put(column, slot);
            inputs.add(column);
            inputSlots.add(slot);
            return slot;
        }
        if (kind.get(slot) != SCALAR) {
            throw new UnsupportedStageException("column '" + column + "' is a vector, but the stage reads it as a"
                    + " number or string");
        }
        return slot;
    }

    /** The slot of a column of any kind; a column nobody wrote becomes a scalar pipeline input. */
    int any(String column) {
        Integer slot = slotOf.get(column);
        return slot == null ? scalar(column) : slot;
    }

    /** The slot of a vector column that an earlier stage wrote. */
    int vector(String column) {
        Integer slot = slotOf.get(column);
        if (slot == null) {
            throw new UnsupportedStageException("it reads the vector column '" + column + "' from the model's input;"
                    + " the row scorer takes scalar inputs only (MLflow's JSON requests carry no Spark vectors)");
        }
        if (kind.get(slot) == SCALAR) {
            throw new UnsupportedStageException("column '" + column + "' is a scalar, but the stage needs a vector");
        }
        return slot;
    }

    /** The size of the vector in a slot, or {@link #SCALAR}. */
    int kind(int slot) {
        return kind.get(slot);
    }

    /** A new slot for a column the stage writes; {@code vectorSize} is {@link #SCALAR} for a scalar. */
    int write(String column, int vectorSize) {
        int slot = newSlot(vectorSize);
        slotOf.put(column, slot);
        outputs.remove(column);
        outputs.put(column, slot);
        return slot;
    }

    private int newSlot(int k) {
        kind.add(k);
        return kind.size() - 1;
    }

    int slotCount() {
        return kind.size();
    }

    List<String> inputs() {
        return List.copyOf(inputs);
    }

    int[] inputSlots() {
        return inputSlots.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Columns written by the stages, in the order Spark appends them, with their slots. */
    Map<String, Integer> outputs() {
        return new LinkedHashMap<>(outputs);
    }
}
