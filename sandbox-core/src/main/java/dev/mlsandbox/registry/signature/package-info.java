/**
 * MLflow model signatures: the column spec ({@code {"type","name","required"}}) with MLflow's
 * type names, inference from a Spark training frame and prediction frame (MLflow's
 * {@code infer_signature}), the JSON form stored in an {@code MLmodel} file, and schema
 * enforcement exactly as MLflow's pyfunc applies it before a model scores (missing required
 * column refused, extra column ignored with a warning, only safe widening accepted).
 */
package dev.mlsandbox.registry.signature;
