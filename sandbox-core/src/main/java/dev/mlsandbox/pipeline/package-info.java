/**
 * Estimator, Transformer, Pipeline and PipelineModel, seen on live objects: the concept code the
 * Pipeline lab ({@link dev.mlsandbox.pipeline.lab}) is made of.
 *
 * <p>{@link dev.mlsandbox.pipeline.ChurnPipelines} builds the study guide's pipeline
 * (StringIndexer, VectorAssembler, RandomForestClassifier) and a feature-engineering variant
 * (StringIndexer, OneHotEncoder, VectorAssembler, StandardScaler, LogisticRegression);
 * {@link dev.mlsandbox.pipeline.Stages} traces every stage before and after {@code fit}. The
 * probes run the failure modes the exam asks about, each in its own class returning an immutable
 * record: a Pipeline has no {@code transform} ({@link dev.mlsandbox.pipeline.TransformProbe}),
 * {@code handleInvalid} on unseen categories and on null/NaN features
 * ({@link dev.mlsandbox.pipeline.HandleInvalidProbe}), a scaler fitted before the split
 * ({@link dev.mlsandbox.pipeline.LeakageProbe}), and save/load of the fitted PipelineModel
 * ({@link dev.mlsandbox.pipeline.PersistenceProbe}).
 */
package dev.mlsandbox.pipeline;
