/**
 * MLflow model signatures, in every form MLflow 2.x and 3.x write: column-based schemas
 * ({@link dev.mlsandbox.registry.signature.ColumnSpec}, named or unnamed, with or without
 * {@code required}) whose types are MLflow's scalar {@code DataType}s
 * ({@link dev.mlsandbox.registry.signature.ColumnType}) or its composite types (array, object, map,
 * any, {@code sparkml_vector}: the {@link dev.mlsandbox.registry.signature.FieldType}s),
 * tensor-based schemas ({@link dev.mlsandbox.registry.signature.TensorSpec}), and inference
 * parameters ({@link dev.mlsandbox.registry.signature.ParamSchema}). Inference from a Spark training
 * frame and prediction frame (MLflow's {@code infer_signature}), the JSON text stored in an
 * {@code MLmodel} file (written as Python's {@code json.dumps} writes it), and schema enforcement as
 * MLflow's pyfunc applies it before a model scores (missing required column refused, extra column
 * ignored with a warning, only safe widening accepted, unnamed columns by position, tensors by dtype
 * and shape, params with defaults), saying which forms it registers but cannot enforce.
 */
package dev.mlsandbox.registry.signature;
