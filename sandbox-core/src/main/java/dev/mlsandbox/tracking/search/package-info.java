/**
 * MLflow's search grammar: a tokenizer and parser for filter strings ({@code metrics.rmse < 0.5
 * AND params.model = 'gbt'}) with errors that point at the offending position, order-by
 * clauses, opaque page tokens, and the translation of all three into portable SQL with bound
 * parameters.
 */
package dev.mlsandbox.tracking.search;
