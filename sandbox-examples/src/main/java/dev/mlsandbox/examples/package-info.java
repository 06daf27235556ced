/** Example mains, one per concept, run with {@code bin/sandbox example <name>}. */
package dev.mlsandbox.examples;
