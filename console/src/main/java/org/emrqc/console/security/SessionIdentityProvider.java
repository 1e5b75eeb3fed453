package org.emrqc.console.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.emrqc.console.store.UserAccount;

/** The form-login cookie names a user: look the user up again, so a deactivated user or a changed role counts at once. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() { return TrustedAuthenticationRequest.class; }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            UserAccount u = QuarkusTransaction.joiningExisting().call(() -> UserAccount.byUsername(request.getPrincipal()).orElse(null));
            if (u == null || !u.active) throw new AuthenticationFailedException("the session's user is no longer active");
            return DatabaseIdentityProvider.identity(u);
        });
    }
}
