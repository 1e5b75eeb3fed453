package org.emrqc.console.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reviewer's verdict on a finding: confirmed, dismissed (false positive, with a reason) or rectified. */
@Entity
@Table(name = "verdict")
public class VerdictRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "finding_id")
    public String findingId;
    @Column(name = "user_id")
    public Long userId;
    public String verdict;
    public String reason;
    public Instant at;
}
