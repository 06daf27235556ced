package dev.mlsandbox.governance;

/**
 * One line of {@code SHOW GRANTS}, with Databricks' columns: the principal, the privilege, and the
 * object it was granted on (a catalog or schema for inherited grants).
 */
public record GrantRow(String principal, String actionType, String objectType, String objectKey) {
}
