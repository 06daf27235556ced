package dev.mlsandbox.governance;

import java.util.Objects;

/** One privilege granted to one principal (user or group) on one securable. */
public record Grant(String principal, Privilege privilege, Securable securable) {
    public Grant {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(securable, "securable");
    }
}
