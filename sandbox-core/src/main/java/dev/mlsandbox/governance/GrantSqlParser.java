package dev.mlsandbox.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;


/**
 * Parses governance statements. Keywords are case-insensitive; names and principals may be
 * quoted with backticks ({@code `data-scientists`}, {@code `alice@example.com`}), where a
 * doubled backtick stands for one; unquoted names are letters, digits and underscores. A
 * trailing semicolon is allowed.
 */
public final class GrantSqlParser {

    static final String GRANT_SYNTAX = "GRANT privilege [, ...] ON {METASTORE | CATALOG name | SCHEMA name | FUNCTION name} TO principal";
    static final String REVOKE_SYNTAX = "REVOKE privilege [, ...] ON {METASTORE | CATALOG name | SCHEMA name | FUNCTION name} FROM principal";
    static final String SHOW_SYNTAX = "SHOW GRANTS [principal] ON {METASTORE | CATALOG name | SCHEMA name | FUNCTION name}";
    static final String CREATE_SYNTAX = "CREATE {CATALOG | SCHEMA} [IF NOT EXISTS] name";
    static final String ALTER_SYNTAX = "ALTER {CATALOG | SCHEMA | FUNCTION} name [SET] OWNER TO principal";

    private final String sql;
    private final List<Token> tokens;
    private int at;
    private String syntax;

    private GrantSqlParser(String sql) {
        this.sql = sql;
        this.tokens = Token.tokenize(sql);
    }

    public static Statement parse(String sql) {
        return new GrantSqlParser(sql == null ? "" : sql).statement();
    }

    private Statement statement() {
        Token first = peek();
        String word = first.keyword();
        Statement s = switch (word) {
            case "GRANT" -> grantOrRevoke(true);
            case "REVOKE" -> grantOrRevoke(false);
            case "SHOW" -> showGrants();
            case "CREATE" -> create();
            case "ALTER" -> alterOwner();
            default -> throw error("GRANT, REVOKE, SHOW GRANTS, CREATE or ALTER", first);
        };
        if (peek().kind() == Token.Kind.SEMICOLON) {
            next();
        }
        if (peek().kind() != Token.Kind.END) {
            throw error("the end of the statement", peek());
        }
        return s;
    }

    private Statement grantOrRevoke(boolean grant) {
        syntax = grant ? GRANT_SYNTAX : REVOKE_SYNTAX;
        next();
        List<Privilege> privileges = privileges();
        Securable target = onTarget();
        expectKeyword(grant ? "TO" : "FROM");
        String principal = principal();
        for (Privilege p : privileges) {
            if (!p.grantableOn(target.type())) {
                throw new SqlSyntaxError(sql, 1, "a privilege that applies to " + target.type().sql() + " (" + p.sql()
                        + " applies to " + p.grantableOn().stream().map(SecurableType::sql).toList() + ")",
                        "'" + p.sql() + "' on " + target.type().sql(), syntax);
            }
        }
        return grant ? new Statement.Grant(privileges, target, principal) : new Statement.Revoke(privileges, target, principal);
    }

    private Statement showGrants() {
        syntax = SHOW_SYNTAX;
        next();
        expectKeyword("GRANTS");
        Optional<String> principal = Optional.empty();
        if (!peek().isKeyword("ON")) {
            principal = Optional.of(principal());
        }
        return new Statement.ShowGrants(principal, onTarget());
    }

    private Statement create() {
        syntax = CREATE_SYNTAX;
        next();
        Token typeToken = next();
        SecurableType type = switch (typeToken.keyword()) {
            case "CATALOG" -> SecurableType.CATALOG;
            case "SCHEMA", "DATABASE" -> SecurableType.SCHEMA;
            default -> throw error("CATALOG or SCHEMA (models are created through the registry API)", typeToken);
        };
        boolean ifNotExists = false;
        if (peek().isKeyword("IF")) {
            next();
            expectKeyword("NOT");
            expectKeyword("EXISTS");
            ifNotExists = true;
        }
        return new Statement.Create(name(type), ifNotExists);
    }

    private Statement alterOwner() {
        syntax = ALTER_SYNTAX;
        next();
        Securable target = name(securableType());
        if (peek().isKeyword("SET")) {
            next();
        }
        expectKeyword("OWNER");
        expectKeyword("TO");
        return new Statement.AlterOwner(target, principal());
    }

    private List<Privilege> privileges() {
        List<Privilege> out = new ArrayList<>();
        while (true) {
            Token start = peek();
            if (start.kind() != Token.Kind.WORD || start.isKeyword("ON")) {
                throw error("a privilege (" + Privilege.known() + ")", start);
            }
            // Longest match: two-word privileges (USE SCHEMA) before one-word ones (EXECUTE).
            Token second = tokens.get(Math.min(at + 1, tokens.size() - 1));
            Optional<Privilege> two = second.kind() == Token.Kind.WORD
                    ? Privilege.parse(start.text() + " " + second.text()) : Optional.empty();
            Privilege p;
            if (two.isPresent()) {
                next();
                next();
                p = two.get();
            } else {
                p = Privilege.parse(start.text()).orElseThrow(() -> error("a privilege (" + Privilege.known() + ")", start));
                next();
            }
            if (!out.contains(p)) {
                out.add(p);
            }
            if (peek().kind() == Token.Kind.COMMA) {
                next();
                continue;
            }
            if (peek().isKeyword("ON")) {
                return out;
            }
            throw error("',' or ON", peek());
        }
    }

    private Securable onTarget() {
        expectKeyword("ON");
        if (peek().isKeyword("METASTORE")) {
            next();
            return Securable.metastore();
        }
        return name(securableType());
    }

    private SecurableType securableType() {
        Token t = next();
        return switch (t.keyword()) {
            case "CATALOG" -> SecurableType.CATALOG;
            case "SCHEMA", "DATABASE" -> SecurableType.SCHEMA;
            case "FUNCTION" -> SecurableType.FUNCTION;
            case "MODEL", "REGISTERED" -> throw error("CATALOG, SCHEMA or FUNCTION (in SQL a registered model is a FUNCTION:"
                    + " ON FUNCTION catalog.schema.model)", t);
            default -> throw error("METASTORE, CATALOG, SCHEMA or FUNCTION", t);
        };
    }

    /** A dotted name of exactly as many parts as the type needs. */
    private Securable name(SecurableType type) {
        Token start = peek();
        List<String> parts = new ArrayList<>();
        parts.add(identifier("a " + type.sql().toLowerCase(Locale.ROOT) + " name"));
        while (peek().kind() == Token.Kind.DOT) {
            next();
            parts.add(identifier("a name part after '.'"));
        }
        if (parts.size() != type.parts()) {
            String shape = switch (type) {
                case CATALOG -> "catalog";
                case SCHEMA -> "catalog.schema";
                case FUNCTION -> "catalog.schema.model";
                case METASTORE -> "no name: ON METASTORE";
            };
            throw new SqlSyntaxError(sql, start.position(), "a " + type.parts() + "-part " + type.sql() + " name ("
                    + shape + ")", "'" + String.join(".", parts) + "' (" + parts.size() + " part"
                    + (parts.size() == 1 ? "" : "s") + ")", syntax);
        }
        return new Securable(type, String.join(".", parts));
    }

    private String identifier(String what) {
        Token t = next();
        if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED) {
            String problem = NameRules.problem(t.text());
            if (problem != null) {
                throw new SqlSyntaxError(sql, t.position(), what + " that " + NameRules.RULE, "'" + t.text() + "' (" + problem + ")", syntax);
            }
            return t.text();
        }
        throw error(what, t);
    }

    private String principal() {
        Token t = next();
        if (t.kind() == Token.Kind.QUOTED || t.kind() == Token.Kind.WORD) {
            if (t.text().isBlank()) {
                throw error("a principal name", t);
            }
            return t.text();
        }
        throw error("a principal (a user or group; quote names such as `data-scientists` in backticks)", t);
    }

    private void expectKeyword(String keyword) {
        Token t = next();
        if (!t.isKeyword(keyword)) {
            throw error(keyword, t);
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.END) {
            at++;
        }
        return t;
    }

    private SqlSyntaxError error(String expected, Token found) {
        return error(expected, found, found.describe());
    }

    private SqlSyntaxError error(String expected, Token at, String found) {
        return new SqlSyntaxError(sql, at.position(), expected, found, syntax);
    }
}
