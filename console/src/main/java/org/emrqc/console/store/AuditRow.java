package org.emrqc.console.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One audit trail entry: who did what to which entity when, with the state before and after. */
@Entity
@Table(name = "audit_log")
public class AuditRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String username;
    public String action;
    public String entity;
    @Column(name = "entity_id")
    public String entityId;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode before;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode after;
}
