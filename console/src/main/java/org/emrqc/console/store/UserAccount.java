package org.emrqc.console.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A console user: bcrypt password hash, one role, and for physicians the practitioner they are in the records. */
@Entity
@Table(name = "users")
public class UserAccount extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String username;
    @Column(name = "password_hash")
    public String passwordHash;
    public String role;
    @Column(name = "display_name")
    public String displayName;
    public String department;
    @Column(name = "practitioner_ref")
    public String practitionerRef;
    public String locale = "zh";
    public boolean active = true;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<UserAccount> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
