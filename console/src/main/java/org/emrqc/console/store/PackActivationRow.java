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

/** One activation of a pack version (the latest per pack is the one in force); rollbacks are activations too. */
@Entity
@Table(name = "pack_activation")
public class PackActivationRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pack_id")
    public String packId;
    public String version;
    @Column(name = "activated_by")
    public String activatedBy;
    public Instant at;
    @Column(name = "previous_version")
    public String previousVersion;

    /** The activation in force for a pack: the latest. */
    public static Optional<PackActivationRow> current(String packId) {
        return find("packId = ?1 order by at desc, id desc", packId).firstResultOptional();
    }
}
