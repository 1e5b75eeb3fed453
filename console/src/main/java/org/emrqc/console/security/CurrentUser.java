package org.emrqc.console.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.emrqc.console.api.ProblemException;
import org.emrqc.console.store.UserAccount;

/** The logged-in user of this request, as a row of the users table. */
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    private UserAccount account;

    public UserAccount account() {
        if (account == null) {
            account = UserAccount.byUsername(identity.getPrincipal().getName())
                    .orElseThrow(() -> new ProblemException(401, "Unauthorized", "the logged-in user no longer exists"));
        }
        return account;
    }

    public String username() { return identity.getPrincipal().getName(); }

    public boolean is(String role) { return identity.hasRole(role); }
}
