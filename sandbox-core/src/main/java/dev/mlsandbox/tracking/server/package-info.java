/**
 * The HTTP side: one readable {@link dev.mlsandbox.tracking.server.RouteTable} on the JDK's
 * built-in HTTP server, small handlers per endpoint, MLflow's error bodies, and the artifact
 * proxy. Other modules add endpoints by implementing {@link
 * dev.mlsandbox.tracking.server.RouteModule}.
 */
package dev.mlsandbox.tracking.server;
