/**
 * A registry server for other areas' labs and tests: {@link dev.mlsandbox.registry.local.LocalRegistry}
 * starts the tracking server with the registry's endpoints in a temporary directory and hands out
 * a client; the server's internals stay in {@code registry.server}.
 */
package dev.mlsandbox.registry.local;
