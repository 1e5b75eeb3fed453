package org.emrqc.console.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.store.UserAccount;

/**
 * Users who log in through OIDC (when {@code quarkus.oidc.tenant-enabled=true}): the identity provider decides
 * who they are and their role (the token's groups: admin, reviewer, physician or integration); the console keeps
 * a row for each in the users table — created on first login, its role following the token — so verdicts,
 * tasks and the audit trail name them like any other user. Such a row has no password: it cannot log in with
 * the form or HTTP Basic. A user an admin deactivated cannot log in through OIDC either.
 */
@ApplicationScoped
public class OidcUsers implements SecurityIdentityAugmentor {
    /** Strongest first: a token with several of our roles gets the first one found here. */
    static final List<String> ROLES = List.of(Roles.ADMIN, Roles.REVIEWER, Roles.PHYSICIAN, Roles.INTEGRATION);
    /** Not a bcrypt hash: no password ever matches it. */
    static final String NO_PASSWORD = "!oidc";

    @Inject
    Provisioning provisioning;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || (identity.getCredential(AccessTokenCredential.class) == null && identity.getCredential(IdTokenCredential.class) == null)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Optional<String> role = ROLES.stream().filter(identity::hasRole).findFirst();
            provisioning.ensure(identity.getPrincipal().getName(), role.orElse(null));
            return identity;
        });
    }

    /** The database side, in its own transaction. */
    @ApplicationScoped
    public static class Provisioning {
        @Inject
        AuditLog audit;

        @ActivateRequestContext
        @Transactional
        void ensure(String username, String role) {
            Optional<UserAccount> existing = UserAccount.byUsername(username);
            if (existing.isPresent()) {
                UserAccount u = existing.get();
                if (!u.active) throw new AuthenticationFailedException("user " + username + " is deactivated");
                if (role != null && !role.equals(u.role)) {
                    String before = u.role;
                    u.role = role;
                    audit.system("user.role-from-oidc", "user", username, Map.of("role", before), Map.of("role", role));
                }
                return;
            }
            if (role == null) return; // no role of ours in the token: nothing to keep; every endpoint answers 403
            UserAccount u = new UserAccount();
            u.username = username;
            u.passwordHash = NO_PASSWORD;
            u.role = role;
            u.displayName = username;
            u.createdAt = Instant.now();
            u.persist();
            audit.system("user.create-from-oidc", "user", username, null, Map.of("role", role));
        }
    }
}
