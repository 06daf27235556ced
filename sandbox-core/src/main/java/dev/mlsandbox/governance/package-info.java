/**
 * Unity Catalog style governance: principals (users, and groups with members), securables
 * (catalog, schema, and the registered model, which SQL addresses as a FUNCTION), privileges,
 * ownership (the creator owns; the owner can do everything and grant), inheritance (a privilege on
 * a catalog or schema covers every current and future object inside), and the rule that using
 * anything needs USE CATALOG and USE SCHEMA on the enclosing levels.
 *
 * <p>{@link dev.mlsandbox.governance.Authorizer} answers "may this principal do this to that?"
 * and names the missing privilege; {@link dev.mlsandbox.governance.Governance} runs GRANT,
 * REVOKE, SHOW GRANTS (and CREATE CATALOG/SCHEMA, ALTER ... OWNER TO) parsed from SQL text by
 * {@link dev.mlsandbox.governance.GrantSqlParser} (backtick quoting, case-insensitive keywords,
 * comma-separated privilege lists, errors that give the position and what was expected there).
 * The state lives behind
 * {@link dev.mlsandbox.governance.GovernanceState}: in memory for the library and the lab, in the
 * tracking server's database when the registry runs there.
 */
package dev.mlsandbox.governance;
