package org.emrqc.console.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A rectification task: a record sent back to its physician with a due date; the physician may appeal. */
@Entity
@Table(name = "task")
public class TaskRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "record_id")
    public String recordId;
    @Column(name = "assignee_id")
    public Long assigneeId;
    @Column(name = "created_by")
    public Long createdBy;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String status = "open";
    public String note;
    @Column(name = "appeal_reason")
    public String appealReason;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
