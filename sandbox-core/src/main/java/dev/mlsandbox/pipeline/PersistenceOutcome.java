package dev.mlsandbox.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A PipelineModel saved to a temporary directory and loaded back.
 *
 * @param layout         the saved files and directories, relative, sorted ({@code .crc} checksums left out)
 * @param stageDirs      the {@code stages/<idx>_<uid>} directories
 * @param bytesOnDisk    total size of what was written
 * @param loadedClass    the class {@code PipelineModel.load} returned
 * @param rowsCompared   test rows scored by both the original and the loaded model
 * @param mismatches     rows whose prediction or probability differ
 * @param maxProbabilityDifference largest absolute difference of the churn probability
 */
public record PersistenceOutcome(List<String> layout, List<String> stageDirs, long bytesOnDisk, String loadedClass,
                                 long rowsCompared, long mismatches, double maxProbabilityDifference) {
    public PersistenceOutcome {
        layout = List.copyOf(layout);
        stageDirs = List.copyOf(stageDirs);
    }

    @JsonProperty("identical")
    public boolean identical() {
        return mismatches == 0 && rowsCompared > 0;
    }
}
