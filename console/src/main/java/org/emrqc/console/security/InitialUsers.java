package org.emrqc.console.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.config.ConsoleConfig;
import org.emrqc.console.store.UserAccount;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the first start (no users yet) creates the admin user, with emrqc.console.admin.initial-password or a generated
 * password printed once; with emrqc.console.demo=true also the demo users reviewer and physician.
 */
@ApplicationScoped
public class InitialUsers {
    @Inject
    ConsoleConfig config;
    @Inject
    AuditLog audit;
    @ConfigProperty(name = "quarkus.http.port")
    int port;

    void onStart(@Observes StartupEvent ev) {
        QuarkusTransaction.requiringNew().run(this::seed);
    }

    void seed() {
        if (UserAccount.count() == 0) {
            String password = config.admin().initialPassword().orElseGet(() -> Passwords.generate(16));
            create("admin", password, Roles.ADMIN, "Administrator", null, null);
            String shown = config.admin().initialPassword().isPresent() ? "<emrqc.console.admin.initial-password>" : password;
            System.out.println("console: http://127.0.0.1:" + port + "/  log in as admin / " + shown + " (change it under Users)");
        }
        if (config.demo()) {
            if (UserAccount.byUsername("reviewer").isEmpty()) create("reviewer", "reviewer-demo", Roles.REVIEWER, "Demo reviewer 质控员", "质控科", null);
            if (UserAccount.byUsername("physician").isEmpty()) {
                create("physician", "physician-demo", Roles.PHYSICIAN, "Demo physician 主治医师", "普通外科", "Practitioner/dr-attending");
            }
        }
    }

    private void create(String username, String password, String role, String display, String department, String practitionerRef) {
        UserAccount u = new UserAccount();
        u.username = username;
        u.passwordHash = Passwords.hash(password);
        u.role = role;
        u.displayName = display;
        u.department = department;
        u.practitionerRef = practitionerRef;
        u.createdAt = Instant.now();
        u.persist();
        audit.system("user.create", "user", username, null, java.util.Map.of("username", username, "role", role));
    }
}
