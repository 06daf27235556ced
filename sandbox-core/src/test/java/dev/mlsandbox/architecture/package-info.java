/**
 * The layering rules of docs/architecture.md as ArchUnit rules ({@code Layering}), checked on the
 * main classes ({@code ArchitectureTest}) and shown to fail on a fixture that breaks each one
 * ({@code LayeringTest}).
 */
package dev.mlsandbox.architecture;
