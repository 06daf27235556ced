package dev.mlsandbox.tuning;

import java.util.Objects;

import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;

/**
 * An evaluator that delegates to another and hands every metric to a {@link FitRecorder}, which
 * pairs it with the split and param map fitted just before on the same thread. The metric itself
 * is the wrapped evaluator's, unchanged, so the validator's choice is unchanged.
 */
public final class RecordingEvaluator extends Evaluator {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Evaluator inner;
    private final transient FitRecorder recorder;

    public RecordingEvaluator(Evaluator inner, FitRecorder recorder) {
        this("recording_" + inner.uid(), inner, recorder);
    }

    private RecordingEvaluator(String uid, Evaluator inner, FitRecorder recorder) {
        this.uid = uid;
        this.inner = Objects.requireNonNull(inner, "inner");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        double metric = inner.evaluate(dataset);
        recorder.evaluated(metric);
        return metric;
    }

    @Override
    public boolean isLargerBetter() {
        return inner.isLargerBetter();
    }

    @Override
    public RecordingEvaluator copy(ParamMap extra) {
        return new RecordingEvaluator(uid, inner.copy(extra), recorder);
    }
}
