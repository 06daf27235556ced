package dev.mlsandbox.governance;

import java.util.List;
import java.util.Optional;


/** A parsed governance statement. */
public sealed interface Statement {

    /** {@code GRANT p [, ...] ON <securable> TO principal}. */
    record Grant(List<Privilege> privileges, Securable securable, String principal) implements Statement {
        public Grant {
            privileges = List.copyOf(privileges);
        }
    }

    /** {@code REVOKE p [, ...] ON <securable> FROM principal}. */
    record Revoke(List<Privilege> privileges, Securable securable, String principal) implements Statement {
        public Revoke {
            privileges = List.copyOf(privileges);
        }
    }

    /** {@code SHOW GRANTS [principal] ON <securable>}. */
    record ShowGrants(Optional<String> principal, Securable securable) implements Statement {
    }

    /** {@code CREATE CATALOG|SCHEMA [IF NOT EXISTS] name}. */
    record Create(Securable securable, boolean ifNotExists) implements Statement {
    }

    /** {@code ALTER CATALOG|SCHEMA|FUNCTION name [SET] OWNER TO principal}. */
    record AlterOwner(Securable securable, String principal) implements Statement {
    }
}
