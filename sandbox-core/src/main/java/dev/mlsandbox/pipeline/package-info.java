/**
 * The Pipeline lab: Estimator, Transformer, Pipeline and PipelineModel, seen on live objects.
 *
 * <p>{@link dev.mlsandbox.pipeline.PipelineLab} fits the study guide's pipeline
 * (StringIndexer, VectorAssembler, RandomForestClassifier) and a feature-engineering variant
 * (StringIndexer, OneHotEncoder, VectorAssembler, StandardScaler, LogisticRegression) on the
 * synthetic churn table, then probes the failure modes the exam asks about: a Pipeline has no
 * {@code transform}, {@code handleInvalid} on unseen categories and on null/NaN features, a
 * scaler fitted before the split (leakage), and save/load of the fitted PipelineModel. Each probe
 * lives in its own class and returns an immutable record; {@link dev.mlsandbox.pipeline.PipelineLabResult}
 * gathers them and builds the report.
 */
package dev.mlsandbox.pipeline;
