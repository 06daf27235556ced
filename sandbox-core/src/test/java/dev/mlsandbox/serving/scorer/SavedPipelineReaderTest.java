package dev.mlsandbox.serving.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.ml.PipelineModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlsandbox.serving.InputFrame;

/**
 * Models saved by Spark ({@code model.write().save(dir)}) and read back by the Spark-free reader
 * score exactly as the in-memory compile of the same model (which matches Spark: see
 * {@link CompiledScorerTest}), and the reader needs no Spark on the class path at all.
 */
class SavedPipelineReaderTest {

    @TempDir
    static Path tmp;
    static Path everyStageDir;

    @BeforeAll
    static void save() throws IOException {
        everyStageDir = tmp.resolve("every-stage");
        FittedPipelines.everyStage().write().save(everyStageDir.toString());
    }

    @Test
    void aSavedPipelineScoresAsTheInMemoryOne() throws IOException {
        List<Object[]> rows = ScoringData.rows(CompiledScorerTest.ROWS, 2024L, true);
        InputFrame frame = ScoringData.input(rows);
        CompileResult fromDisk = SavedPipelineReader.read(everyStageDir);
        assertTrue(fromDisk.report().compiled(), fromDisk.report().summary());
        assertEquals(everyStageDir.toString(), fromDisk.report().source());
        CompiledScorer memory = RowScorers.compile(FittedPipelines.everyStage()).scorer().orElseThrow();
        assertEquals(NoSparkProbe.format(memory.score(frame)), NoSparkProbe.format(fromDisk.scorer().orElseThrow().score(frame)));
    }

    @Test
    void theLabPipelinesReadBackToo() throws IOException {
        for (PipelineModel model : List.of(FittedPipelines.studyGuide(), FittedPipelines.featureEngineering())) {
            Path dir = tmp.resolve(model.uid());
            model.write().save(dir.toString());
            InputFrame frame = ScoringData.input(CompiledScorerTest.clean(ScoringData.rows(2_000, 5L, false)));
            assertEquals(NoSparkProbe.format(RowScorers.compile(model).scorer().orElseThrow().score(frame)),
                    NoSparkProbe.format(SavedPipelineReader.read(dir).scorer().orElseThrow().score(frame)));
        }
    }

    @Test
    void loadsAndScoresInAJvmWithoutSparkOnTheClassPath() throws Exception {
        InputFrame frame = ScoringData.input(ScoringData.rows(2_000, 77L, true));
        Path input = tmp.resolve("input.json");
        Path output = tmp.resolve("output.tsv");
        NoSparkProbe.writeFrame(frame, input);

        SparkFreeJvm.run(NoSparkProbe.class, everyStageDir.toString(), input.toString(), output.toString());

        List<String> lines = Files.readAllLines(output);
        assertTrue(lines.get(0).startsWith("compiled: 30 stages"), lines.get(0));
        CompiledScorer memory = RowScorers.compile(FittedPipelines.everyStage()).scorer().orElseThrow();
        assertEquals(NoSparkProbe.format(memory.score(frame)), lines.subList(1, lines.size()));
    }

    @Test
    void aDirectoryThatIsNoSparkModelIsAClearError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("not-a-model"));
        IOException e = assertThrows(IOException.class, () -> SavedPipelineReader.read(empty));
        assertTrue(e.getMessage().contains("is not a saved Spark ML model"), e.getMessage());
    }

    static String stageClasses(CompileReport report) {
        return report.stages().stream().map(CompileReport.StageReport::simpleClass).collect(Collectors.joining(","));
    }
}
