package dev.mlsandbox.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A fitted pipeline as the lab observed it.
 *
 * @param name                  short name: {@code studyGuide} or {@code featureEngineering}
 * @param description           the stages, as an arrow chain
 * @param pipelineClass         the class of the unfitted object ({@code Pipeline})
 * @param modelClass            what {@code fit} returned ({@code PipelineModel})
 * @param allStagesTransformers whether every stage of the model is a Transformer
 * @param stages                every stage, before and after fit
 * @param trainRows             rows the pipeline was fitted on
 * @param testRows              rows it was evaluated on
 * @param metric                the evaluation metric's name
 * @param metricValue           its value on the test rows
 * @param fitSeconds            wall time of {@code fit}
 */
public record PipelineTrace(String name, String description, String pipelineClass, String modelClass,
                            boolean allStagesTransformers, List<StageTrace> stages, long trainRows, long testRows,
                            String metric, double metricValue, double fitSeconds) {
    public PipelineTrace {
        stages = List.copyOf(stages);
    }

    /** Stages whose class changed during fit: the Estimators. */
    @JsonProperty("estimatorCount")
    public long estimatorCount() {
        return stages.stream().filter(s -> s.beforeKind().equals("Estimator")).count();
    }
}
