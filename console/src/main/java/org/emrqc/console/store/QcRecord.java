package org.emrqc.console.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One checked patient record: who, where, its score and grade, its review status and the FHIR as received. */
@Entity
@Table(name = "qc_record")
public class QcRecord extends PanacheEntityBase {
    /** URL-safe id derived from {@link #recordKey}. */
    @Id
    public String id;
    /** The stable key: patient reference + "|" + source (topic/partition/offset of the input, or api/bundle id). */
    @Column(name = "record_key")
    public String recordKey;
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "patient_name")
    public String patientName;
    @Column(name = "encounter_ref")
    public String encounterRef;
    public String department;
    public String attending;
    @Column(name = "attending_ref")
    public String attendingRef;
    @Column(name = "attending_username")
    public String attendingUsername;
    public String region;
    @Column(name = "pack_version")
    public String packVersion;
    public BigDecimal score;
    public String grade;
    public boolean vetoed;
    public String status = "open";
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode fhir;
    /** Hours from anchor to completion per national timeliness indicator (admission-record, operative-note, ...). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Double> timeliness;
    /** The national indicators whose denominator the record is in: code → why, refs, rules, occurrence. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Map<String, Object>> indicators;
    @Column(name = "admitted_at")
    public Instant admittedAt;
    @Column(name = "discharged_at")
    public Instant dischargedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "checked_at")
    public Instant checkedAt;
    public String source;
}
