package dev.mlsandbox.tuning.lab;

import dev.mlsandbox.tuning.CrossValidation;
import dev.mlsandbox.tuning.LayoutComparison;
import dev.mlsandbox.tuning.ParamKey;
import dev.mlsandbox.tuning.Stability;
import dev.mlsandbox.tuning.Sweeps;
import dev.mlsandbox.tuning.TrainValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlsandbox.report.Report;

/** The machine-readable part of the tuning report (docs/report-format.md, section "tuning"). */
final class TuningJson {

    private TuningJson() {
    }

    static void addData(Report.Builder b, TuningLabResult r) {
        CrossValidation cv = r.crossValidation();
        TrainValidation tvs = r.trainValidation();

        Map<String, Object> cvData = new LinkedHashMap<>();
        cvData.put("folds", cv.folds());
        cvData.put("parallelism", cv.parallelism());
        cvData.put("fits", cv.fits());
        cvData.put("expectedFits", cv.expectedFits());
        cvData.put("refits", cv.refits());
        cvData.put("seconds", cv.seconds());
        cvData.put("best", cv.best().values());
        cvData.put("testScore", r.cvTestScore());
        List<Map<String, Object>> cvMaps = new ArrayList<>();
        for (CrossValidation.FoldScores s : cv.paramMaps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("params", s.params().values());
            m.put("foldMetrics", s.foldMetrics());
            m.put("mean", s.mean());
            m.put("std", s.std());
            m.put("avgMetric", s.avgMetric());
            cvMaps.add(m);
        }
        cvData.put("paramMaps", cvMaps);

        Map<String, Object> tvsData = new LinkedHashMap<>();
        tvsData.put("trainRatio", tvs.trainRatio());
        tvsData.put("parallelism", tvs.parallelism());
        tvsData.put("fits", tvs.fits());
        tvsData.put("expectedFits", tvs.expectedFits());
        tvsData.put("refits", tvs.refits());
        tvsData.put("seconds", tvs.seconds());
        tvsData.put("best", tvs.best().values());
        tvsData.put("testScore", r.tvsTestScore());
        List<Map<String, Object>> tvsMaps = new ArrayList<>();
        for (TrainValidation.SplitScore s : tvs.paramMaps()) {
            tvsMaps.add(new LinkedHashMap<>(Map.of("params", s.params().values(), "metric", s.metric())));
        }
        tvsData.put("paramMaps", tvsMaps);

        b.data("grid", Map.of("definition", r.options().grid().describe(), "size", r.options().grid().size()));
        b.data("rows", Map.of("train", r.trainRows(), "test", r.testRows()));
        b.data("crossValidator", cvData);
        b.data("trainValidationSplit", tvsData);
        b.data("selectionStability", stability(r.stability()));
        b.data("layouts", layouts(r.layouts()));
        b.data("sweeps", sweeps(r.sweeps()));
    }

    private static Map<String, Object> stability(Stability s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seeds", s.runs().size());
        m.put("crossValidator", s.crossValidator().fraction());
        m.put("trainValidationSplit", s.trainValidationSplit().fraction());
        m.put("seedValues", s.seeds());
        m.put("estimateStd", Map.of("crossValidator", s.estimateStd(true), "trainValidationSplit", s.estimateStd(false)));
        m.put("summary", Map.of("crossValidator", summary(s.crossValidator()),
                "trainValidationSplit", summary(s.trainValidationSplit())));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Stability.SeedRun run : s.runs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seed", run.seed());
            entry.put("crossValidator", choice(run.cvBest(), run.cvTestScore(), run.cvSeconds()));
            entry.put("trainValidationSplit", choice(run.tvsBest(), run.tvsTestScore(), run.tvsSeconds()));
            runs.add(entry);
        }
        m.put("runs", runs);
        return m;
    }

    private static Map<String, Object> summary(Stability.Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modal", s.modal().values());
        m.put("modalCount", s.modalCount());
        m.put("distinctChoices", s.distinctChoices());
        m.put("testScoreMin", s.minTestScore());
        m.put("testScoreMax", s.maxTestScore());
        m.put("testScoreStd", s.testScoreStd());
        return m;
    }

    private static Map<String, Object> choice(ParamKey best, double testScore, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("best", best.values());
        m.put("testScore", testScore);
        m.put("seconds", seconds);
        return m;
    }

    private static Map<String, Object> sweeps(Sweeps s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", s != null);
        m.put("dataSize", s == null ? List.of() : s.dataSize());
        m.put("gridSize", s == null ? List.of() : s.gridSize());
        m.put("parallelism", s == null ? List.of() : s.parallelism());
        if (s != null) {
            Sweeps.SubModels sub = s.collectSubModels();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("gridSize", sub.gridSize());
            c.put("subModels", sub.subModels());
            c.put("secondsWithout", sub.secondsWithout());
            c.put("secondsWith", sub.secondsWith());
            c.put("bytesWithout", sub.bytesWithout());
            c.put("bytesWith", sub.bytesWith());
            m.put("collectSubModels", c);
        } else {
            m.put("collectSubModels", null);
        }
        return m;
    }

    private static Map<String, Object> layouts(LayoutComparison l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gridSize", l.gridSize());
        m.put("pipelineInValidator", layoutRun(l.pipelineInValidator()));
        m.put("validatorInPipeline", layoutRun(l.validatorInPipeline()));
        m.put("encodeSeconds", l.encodeSeconds());
        m.put("speedup", l.speedup());
        m.put("sameChoice", l.sameChoice());
        return m;
    }

    private static Map<String, Object> layoutRun(CrossValidation cv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fits", cv.fits());
        m.put("seconds", cv.seconds());
        m.put("best", cv.best().values());
        List<Map<String, Object>> maps = new ArrayList<>();
        for (CrossValidation.FoldScores s : cv.paramMaps()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("params", s.params().values());
            e.put("mean", s.mean());
            maps.add(e);
        }
        m.put("paramMaps", maps);
        return m;
    }
}
