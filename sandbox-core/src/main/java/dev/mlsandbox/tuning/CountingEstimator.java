package dev.mlsandbox.tuning;

import java.util.Objects;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * An estimator that delegates to another and tells a {@link FitRecorder} about every real fit.
 *
 * <p>Spark's validators never call {@code fit} on the estimator they were given: they call
 * {@code fit(data, paramMap)}, which is {@code copy(paramMap).fit(data)}. So {@link #copy} returns
 * a new wrapper around {@code inner.copy(extra)} that shares the recorder and remembers the
 * accumulated extra params: the count spans every copy, and each fit knows its param map. A copy
 * that is never fitted (Spark copies once per map to check schemas) counts nothing.
 *
 * @param <M> the model the wrapped estimator fits
 */
public final class CountingEstimator<M extends Model<M>> extends Estimator<M> {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Estimator<M> inner;
    private final ParamMap applied;
    private final transient FitRecorder recorder;

    public CountingEstimator(Estimator<M> inner, FitRecorder recorder) {
        this("counting_" + inner.uid(), inner, ParamMap.empty(), recorder);
    }

    private CountingEstimator(String uid, Estimator<M> inner, ParamMap applied, FitRecorder recorder) {
        this.uid = uid;
        this.inner = Objects.requireNonNull(inner, "inner");
        this.applied = applied;
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public M fit(Dataset<?> dataset) {
        M model = inner.fit(dataset);
        recorder.fitted(dataset, ParamKey.of(applied));
        return model;
    }

    @Override
    public CountingEstimator<M> copy(ParamMap extra) {
        // ParamMap.$plus$plus is Scala's ++: a new map, this copy's params overridden by extra.
        return new CountingEstimator<>(uid, inner.copy(extra), applied.$plus$plus(extra), recorder);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return inner.transformSchema(schema);
    }

    /** The wrapped estimator, with the params applied so far. */
    public Estimator<M> inner() {
        return inner;
    }
}
