package dev.mlsandbox.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


class GrantSqlParserTest {

    @Test
    void parsesTheIssuesExample() {
        Statement s = GrantSqlParser.parse("GRANT EXECUTE ON FUNCTION main.ml.churn TO `data-scientists`");
        assertEquals(new Statement.Grant(List.of(Privilege.EXECUTE), Securable.model("main.ml.churn"), "data-scientists"), s);
    }

    @Test
    void keywordsAreCaseInsensitiveAndPrivilegesCommaSeparated() {
        Statement s = GrantSqlParser.parse("grant use catalog, Use Schema,CREATE_MODEL on catalog `Main` to alice;");
        assertEquals(new Statement.Grant(List.of(Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.CREATE_MODEL),
                Securable.catalog("main"), "alice"), s);
        assertEquals(new Statement.Revoke(List.of(Privilege.ALL_PRIVILEGES), Securable.schema("main.ml"), "alice@example.com"),
                GrantSqlParser.parse("REVOKE ALL PRIVILEGES ON SCHEMA `main`.`ml` FROM `alice@example.com`"));
    }

    @Test
    void backticksQuoteSpecialCharactersAndDoubledBackticks() {
        Statement s = GrantSqlParser.parse("GRANT APPLY TAG ON FUNCTION `my-cat`.ml.`churn-v2` TO `odd``name`");
        assertEquals(new Statement.Grant(List.of(Privilege.APPLY_TAG), Securable.model("my-cat.ml.churn-v2"), "odd`name"), s);
    }

    @Test
    void showGrantsWithAndWithoutPrincipal() {
        assertEquals(new Statement.ShowGrants(Optional.empty(), Securable.model("main.ml.churn")),
                GrantSqlParser.parse("SHOW GRANTS ON FUNCTION main.ml.churn"));
        assertEquals(new Statement.ShowGrants(Optional.of("bob"), Securable.schema("main.ml")),
                GrantSqlParser.parse("show grants `bob` on schema main.ml"));
    }

    @Test
    void createAndAlterOwner() {
        assertEquals(new Statement.Create(Securable.schema("main.ml"), true), GrantSqlParser.parse("CREATE SCHEMA IF NOT EXISTS main.ml"));
        assertEquals(new Statement.Grant(List.of(Privilege.CREATE_CATALOG), Securable.metastore(), "alice"),
                GrantSqlParser.parse("grant create catalog on metastore to alice"));
        assertEquals(new Statement.Grant(List.of(Privilege.CREATE_SCHEMA, Privilege.USE_CATALOG), Securable.catalog("main"), "bob"),
                GrantSqlParser.parse("GRANT CREATE SCHEMA, USE CATALOG ON CATALOG main TO bob"));
        assertEquals(new Statement.AlterOwner(Securable.model("main.ml.churn"), "ml-team"),
                GrantSqlParser.parse("ALTER FUNCTION main.ml.churn SET OWNER TO `ml-team`"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GRANT EXECUTE FUNCTION main.ml.churn TO bob          | 15 | ON",
            "GRANT SELECT ON FUNCTION main.ml.churn TO bob        | 7  | a privilege",
            "GRANT EXECUTE ON MODEL main.ml.churn TO bob          | 18 | registered model is a FUNCTION",
            "GRANT EXECUTE ON FUNCTION main.churn TO bob          | 27 | 3-part FUNCTION name",
            "GRANT EXECUTE ON FUNCTION main.ml.churn TO           | 43 | a principal",
            "GRANT EXECUTE, ON FUNCTION main.ml.churn TO bob      | 16 | a privilege",
            "GRANT EXECUTE ON FUNCTION main.ml.churn TO 'bob'     | 44 | backticks",
            "GRANT EXECUTE ON FUNCTION main.ml.churn TO `bob      | 44 | closing backtick",
            "GRANT EXECUTE ON FUNCTION main.ml.churn TO bob extra | 48 | the end of the statement",
            "GRANT EXECUTE ON FUNCTION main.ml.churn FROM bob     | 41 | TO",
            "REVOKE EXECUTE ON FUNCTION main.ml.churn TO bob      | 42 | FROM",
            "GRANT EXECUTE ON FUNCTION main.ml.`a b` TO bob       | 35 | no period, space",
            "DROP FUNCTION main.ml.churn                          | 1  | GRANT, REVOKE",
            "                                                     | 1  | GRANT, REVOKE",
            "SHOW GRANT ON CATALOG main                           | 6  | GRANTS",
    })
    void malformedStatementsSayWhereAndWhat(String sql, int position, String expected) {
        SqlSyntaxError e = assertThrows(SqlSyntaxError.class, () -> GrantSqlParser.parse(sql == null ? "" : sql.strip()));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("Syntax error at position " + position), e.getMessage());
    }

    @Test
    void privilegeMustApplyToTheSecurable() {
        SqlSyntaxError e = assertThrows(SqlSyntaxError.class,
                () -> GrantSqlParser.parse("GRANT USE CATALOG ON SCHEMA main.ml TO bob"));
        assertTrue(e.getMessage().contains("USE CATALOG applies to [CATALOG]"), e.getMessage());
        assertThrows(SqlSyntaxError.class, () -> GrantSqlParser.parse("GRANT CREATE MODEL ON FUNCTION main.ml.churn TO bob"));
    }

    @Test
    void caretPointsAtThePosition() {
        SqlSyntaxError e = assertThrows(SqlSyntaxError.class, () -> GrantSqlParser.parse("GRANT EXECUTE TO bob"));
        assertEquals("GRANT EXECUTE TO bob\n              ^", e.caret());
    }
}
