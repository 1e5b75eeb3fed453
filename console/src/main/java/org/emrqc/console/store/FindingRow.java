package org.emrqc.console.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One finding of one record (a DetectedIssue), with its review status. */
@Entity
@Table(name = "finding")
public class FindingRow extends PanacheEntityBase {
    /** URL-safe id: the DetectedIssue id, scoped to its record (the same resources may appear in two records). */
    @Id
    public String id;
    /** The DetectedIssue id (Finding.stableId: rule + implicated resources + pack version). */
    @Column(name = "issue_id")
    public String issueId;
    @Column(name = "record_id")
    public String recordId;
    @Column(name = "rule_id")
    public String ruleId;
    public String title;
    @Column(name = "defect_class")
    public String defectClass;
    public String severity;
    public BigDecimal points;
    public boolean veto;
    @Column(name = "detail_en")
    public String detailEn;
    @Column(name = "detail_zh")
    public String detailZh;
    @Column(name = "fix_hint")
    public String fixHint;
    public String regulation;
    public String reference;
    @Column(name = "encounter_ref")
    public String encounterRef;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> implicated;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> evidence;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_spans")
    public List<Map<String, Object>> evidenceSpans;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "\"values\"")
    public Map<String, Object> values;
    public String region;
    @Column(name = "pack_version")
    public String packVersion;
    public String status = "open";
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
