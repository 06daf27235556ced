package dev.mlsandbox.pipeline;

import java.util.List;

/**
 * Why {@code pipeline.transform(df)} cannot work, found by reflection on the live classes.
 *
 * @param pipelineIsTransformer      {@code Transformer.class.isAssignableFrom(Pipeline.class)}
 * @param pipelineHasTransformMethod whether Pipeline has any public method named {@code transform}
 * @param pipelineAncestry           Pipeline's superclasses, nearest first
 * @param modelIsTransformer         {@code Transformer.class.isAssignableFrom(PipelineModel.class)}
 * @param javaCompilerError          what javac says about {@code pipeline.transform(df)}
 * @param pysparkError               what PySpark raises for the same call
 * @param correctSequence            the calls that work
 */
public record TransformCheck(boolean pipelineIsTransformer, boolean pipelineHasTransformMethod,
                             List<String> pipelineAncestry, boolean modelIsTransformer, String javaCompilerError,
                             String pysparkError, String correctSequence) {
    public TransformCheck {
        pipelineAncestry = List.copyOf(pipelineAncestry);
    }
}
