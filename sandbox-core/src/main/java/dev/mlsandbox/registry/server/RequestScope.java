package dev.mlsandbox.registry.server;

import java.sql.Connection;

import dev.mlsandbox.governance.Action;
import dev.mlsandbox.governance.Authorizer;
import dev.mlsandbox.governance.Directory;
import dev.mlsandbox.governance.GovernanceException;
import dev.mlsandbox.governance.PermissionDeniedException;
import dev.mlsandbox.governance.Securable;
import dev.mlsandbox.governance.SqlSyntaxError;
import dev.mlsandbox.registry.RegistryRuleException;
import dev.mlsandbox.http.Handler;
import dev.mlsandbox.http.Request;
import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;

/**
 * What every registry and governance handler shares: who is asking (HTTP basic auth under
 * {@code --auth}), permission checks inside the request's transaction, and the translation of
 * registry and governance refusals into MLflow error codes (400, 403, 404), never a 500.
 */
final class RequestScope {

    /** A handler body: the parameters and the authenticated principal. */
    @FunctionalInterface
    interface Op {
        Object run(Request request, String principal) throws Exception;
    }

    static final String ANONYMOUS = "anonymous";
    private static final Directory NOBODY = Directory.builder().build();

    private final RegistryOptions options;

    RequestScope(RegistryOptions options) {
        this.options = options;
    }

    boolean authOn() {
        return options.auth() != null;
    }

    Directory directory() {
        return authOn() ? options.auth().directory() : NOBODY;
    }

    /** Permissions apply under --auth to Unity Catalog names. */
    boolean enforcing() {
        return authOn() && options.mode().unityCatalog();
    }

    Authorizer authorizer(Connection c) {
        return new Authorizer(directory(), new JdbcGovernanceState(c));
    }

    void require(Connection c, String principal, Action action, Securable target) {
        if (enforcing()) {
            authorizer(c).check(principal, action, target).orThrow();
        }
    }

    String principal(Request req) {
        String header = req.header("Authorization");
        if (authOn()) {
            return options.auth().authenticate(header);
        }
        return ANONYMOUS;
    }

    Handler handler(Op op) {
        return req -> {
            try {
                return op.run(req, principal(req));
            } catch (RegistryRuleException | SqlSyntaxError e) {
                throw MlflowException.invalid(e.getMessage());
            } catch (PermissionDeniedException e) {
                throw new MlflowException(ErrorCode.PERMISSION_DENIED, e.getMessage());
            } catch (GovernanceException e) {
                throw switch (e.kind()) {
                    case NOT_FOUND -> MlflowException.notFound(e.getMessage());
                    case ALREADY_EXISTS -> MlflowException.exists(e.getMessage());
                    case INVALID -> MlflowException.invalid(e.getMessage());
                };
            } catch (IllegalArgumentException e) {
                throw MlflowException.invalid(e.getMessage());
            }
        };
    }
}
