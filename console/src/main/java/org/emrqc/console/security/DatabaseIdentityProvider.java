package org.emrqc.console.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.emrqc.console.store.UserAccount;

/** Form login and HTTP Basic: the user's bcrypt hash in the users table; inactive users cannot log in. */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** bcrypt costs ~80 ms per check: API clients sending HTTP Basic on every request reuse a recent verification. */
    private final VerifiedPasswords verified = new VerifiedPasswords(1000, java.time.Duration.ofMinutes(5));

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() { return UsernamePasswordAuthenticationRequest.class; }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            UserAccount u = QuarkusTransaction.joiningExisting().call(() -> UserAccount.byUsername(request.getUsername()).orElse(null));
            String password = new String(request.getPassword().getPassword());
            if (u == null || !u.active || !verified.matches(u.username, password, u.passwordHash)) {
                throw new AuthenticationFailedException("wrong username or password");
            }
            return identity(u);
        });
    }

    static SecurityIdentity identity(UserAccount u) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(u.username)).addRole(u.role).build();
    }
}
