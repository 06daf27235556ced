/**
 * A Java client for the sandbox server's serving API ({@link
 * dev.mlsandbox.serving.client.ServingClient}): create, update, read, list and delete endpoints in
 * the Databricks REST shape, wait for a config update, and invoke an endpoint. {@code
 * sandbox.serving()} returns one bound to the embedded server; a bundle deploy or a program points
 * one at any sandbox server.
 */
package dev.mlsandbox.serving.client;
