/**
 * The front door of MLOps Sandbox.
 *
 * <p>{@link dev.mlsandbox.Sandbox} is the one object a notebook or program creates: it owns the
 * shared SparkSession and hands out the labs, the tracking client, the registry and the drift
 * tools. Everything below it lives in a package of its own: {@code spark} (sessions and
 * synthetic data), {@code report} (the report model and its renderers), {@code lab} (what every
 * lab has in common), then one package per concept.
 */
package dev.mlsandbox;
