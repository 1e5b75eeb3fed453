package org.emrqc.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import org.emrqc.console.security.Passwords;
import org.emrqc.console.store.UserAccount;

/** Users the tests need beyond the seeded admin, reviewer and physician: password = username + "-password". */
public final class TestUsers {
    private TestUsers() { }

    public static void ensure(String username, String role, String practitionerRef) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (UserAccount.byUsername(username).isPresent()) return;
            UserAccount u = new UserAccount();
            u.username = username;
            u.passwordHash = Passwords.hash(username + "-password");
            u.role = role;
            u.displayName = username;
            u.practitionerRef = practitionerRef;
            u.createdAt = Instant.now();
            u.persist();
        });
    }
}
