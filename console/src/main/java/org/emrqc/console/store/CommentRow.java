package org.emrqc.console.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment on a record or one of its findings. */
@Entity
@Table(name = "comment")
public class CommentRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "record_id")
    public String recordId;
    @Column(name = "finding_id")
    public String findingId;
    @Column(name = "user_id")
    public Long userId;
    public String body;
    public Instant at;
}
