package dev.mlsandbox.tracking.search;

import dev.mlsandbox.store.Sql;

import java.util.List;

/** Translates an experiments search into one SELECT over {@code experiments e}. */
public final class ExperimentSearchSql {
    private ExperimentSearchSql() {}

    public static Sql select(List<String> lifecycleStages, List<Clause> clauses, List<OrderBy> orderBy, int limit,
            long offset) {
        Sql joins = new Sql();
        Sql order = new Sql();
        int n = 0;
        boolean idOrdered = false;
        for (OrderBy o : orderBy) {
            String dir = o.ascending() ? " ASC" : " DESC";
            if (o.type() == Clause.KeyType.TAG) {
                String alias = "o" + n++;
                joins.append(" LEFT JOIN experiment_tags " + alias + " ON " + alias + ".experiment_id = e.experiment_id AND "
                        + alias + ".key = ?", o.key());
                order.append("CASE WHEN " + alias + ".value IS NULL THEN 1 ELSE 0 END, " + alias + ".value" + dir + ", ");
            } else {
                String col = column(o.key());
                idOrdered |= col.equals("experiment_id");
                order.append("e." + col + dir + ", ");
            }
        }
        if (orderBy.isEmpty()) {
            order.append("e.creation_time DESC, ");
        }
        if (!idOrdered) {
            order.append("e.experiment_id ASC, ");
        }
        String orderText = order.text().substring(0, order.text().length() - 2);
        Sql orderSql = new Sql().append(orderText, order.params().toArray());

        Sql sql = new Sql().append("SELECT e.experiment_id FROM experiments e").append(joins).append(" WHERE ");
        sql.append("e.lifecycle_stage IN (" + RunSearchSql.placeholders(lifecycleStages.size()) + ")",
                lifecycleStages.toArray());
        for (Clause c : clauses) {
            sql.append(" AND ");
            if (c.type() == Clause.KeyType.TAG) {
                sql.append("EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.experiment_id AND t.key = ? AND ",
                        c.key());
                sql.append(RunSearchSql.stringComparison("t.value", c.comparator()), c.value()).append(")");
            } else {
                String col = "e." + column(c.key());
                if (c.value() instanceof Double d) {
                    sql.append(col + " " + c.comparator().sql() + " ?", d);
                } else {
                    sql.append(RunSearchSql.stringComparison(col, c.comparator()), c.value());
                }
            }
        }
        sql.append(" ORDER BY ").append(orderSql).append(" LIMIT ? OFFSET ?", (long) limit, offset);
        return sql;
    }

    private static String column(String attribute) {
        String col = SearchRules.EXPERIMENT_STRING_ATTRIBUTES.get(attribute);
        if (col == null) {
            col = SearchRules.EXPERIMENT_NUMERIC_ATTRIBUTES.get(attribute);
        }
        if (col == null) {
            throw new IllegalStateException("unchecked attribute " + attribute);
        }
        return col;
    }
}
