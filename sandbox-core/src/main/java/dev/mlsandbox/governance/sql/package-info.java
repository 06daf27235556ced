/**
 * The governance statements as SQL text: {@code GRANT}, {@code REVOKE}, {@code SHOW GRANTS},
 * {@code CREATE CATALOG}, {@code CREATE SCHEMA} and {@code ALTER ... OWNER TO}, with backtick
 * quoting, case-insensitive keywords, comma-separated privilege lists, and errors that give the
 * position and what was expected there.
 */
package dev.mlsandbox.governance.sql;
