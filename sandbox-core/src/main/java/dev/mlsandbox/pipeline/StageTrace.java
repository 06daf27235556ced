package dev.mlsandbox.pipeline;

import java.util.List;

/**
 * One stage of a pipeline, before and after {@code Pipeline.fit}.
 *
 * @param index        position in the pipeline, from 0
 * @param uid          the stage's uid; a fitted model keeps its estimator's uid
 * @param beforeClass  simple class name of the stage handed to the Pipeline
 * @param beforeKind   {@code Estimator} or {@code Transformer}
 * @param afterClass   simple class name of the matching stage of the PipelineModel
 * @param afterKind    always {@code Transformer} (that is the point)
 * @param sameObject   true when fit put the very same object into the model (Transformers pass through)
 * @param learned      what fitting stored in the stage, in words and numbers
 * @param addedColumns columns the stage adds to the schema, as {@code name: type}
 */
public record StageTrace(int index, String uid, String beforeClass, String beforeKind, String afterClass,
                         String afterKind, boolean sameObject, String learned, List<String> addedColumns) {
    public StageTrace {
        addedColumns = List.copyOf(addedColumns);
    }
}
