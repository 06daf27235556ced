package dev.mlsandbox.serving.scorer;

import java.util.function.Supplier;

/**
 * One stage waiting to be compiled: where it stands, what Spark calls it, and how to read its
 * spec (reading may fail with the reason the stage is not supported).
 */
record StageSource(int index, String uid, String sparkClass, Supplier<StageSpec> spec) {
}
