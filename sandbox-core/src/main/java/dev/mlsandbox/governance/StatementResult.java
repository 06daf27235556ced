package dev.mlsandbox.governance;

import java.util.List;

/**
 * The outcome of one governance statement that was allowed.
 *
 * @param statement the SQL text
 * @param principal who ran it
 * @param message   what changed, in one sentence
 * @param rows      the rows of SHOW GRANTS; empty otherwise
 */
public record StatementResult(String statement, String principal, String message, List<GrantRow> rows) {
    public StatementResult {
        rows = List.copyOf(rows);
    }
}
