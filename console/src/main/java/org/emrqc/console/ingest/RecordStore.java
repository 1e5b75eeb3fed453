package org.emrqc.console.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.review.RecordStatus;
import org.emrqc.console.store.FindingRow;
import org.emrqc.console.store.QcRecord;
import org.emrqc.console.store.UserAccount;

/**
 * Stores a checked record and its findings idempotently: the record by its key, each finding by (record, DetectedIssue
 * id). A redelivered or re-checked record replaces the findings' content but keeps their review status; findings
 * that are gone and were never reviewed are removed.
 */
@ApplicationScoped
public class RecordStore {
    @Inject
    AuditLog audit;
    @Inject
    RecordStatus status;

    /** What one upsert did, for callers and tests. */
    public record Stored(String recordId, String recordKey, int findings, int inserted, int updated, int removed) { }

    @Transactional
    public Stored upsert(String recordKey, String source, JsonNode fhir, RecordSummary summary, CheckedRecord checked,
                         Instant checkedAt, boolean byUser) {
        String id = RecordIds.recordId(recordKey);
        QcRecord r = QcRecord.findById(id);
        boolean isNew = r == null;
        Instant now = Instant.now();
        if (isNew) {
            r = new QcRecord();
            r.id = id;
            r.recordKey = recordKey;
            r.receivedAt = now;
        }
        r.patientRef = checked.patientRef();
        r.patientName = summary.patientName();
        r.encounterRef = summary.encounterRef() != null ? summary.encounterRef()
                : checked.findings().stream().map(CheckedRecord.IssueData::encounterRef).filter(e -> e != null).findFirst().orElse(null);
        r.department = summary.department();
        r.attending = summary.attending();
        r.attendingRef = summary.attendingRef();
        r.attendingUsername = physicianFor(summary.attendingRef());
        r.region = checked.region();
        r.packVersion = checked.packVersion();
        r.score = BigDecimal.valueOf(checked.score());
        r.grade = checked.grade();
        r.vetoed = checked.vetoed();
        if (fhir != null) r.fhir = fhir;
        r.timeliness = summary.timeliness();
        r.indicators = summary.indicators();
        r.admittedAt = summary.admittedAt();
        r.dischargedAt = summary.dischargedAt();
        r.checkedAt = checkedAt;
        r.source = source;
        if (isNew) r.persist();

        int inserted = 0;
        int updated = 0;
        Set<String> seen = new HashSet<>();
        for (CheckedRecord.IssueData d : checked.findings()) {
            String fid = RecordIds.findingId(d.issueId(), recordKey);
            if (!seen.add(fid)) continue;
            FindingRow f = FindingRow.findById(fid);
            if (f == null) {
                f = new FindingRow();
                f.id = fid;
                f.issueId = d.issueId();
                f.recordId = id;
                f.createdAt = now;
                f.status = "open";
                fill(f, d, now);
                f.persist();
                inserted++;
            } else {
                fill(f, d, now);
                updated++;
            }
        }
        int removed = 0;
        for (FindingRow old : FindingRow.<FindingRow>list("recordId", id)) {
            if (!seen.contains(old.id) && "open".equals(old.status)) {
                old.delete();
                removed++;
            }
        }
        FindingRow.flush();
        String before = r.status;
        r.status = status.compute(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("recordKey", recordKey);
        after.put("source", source);
        after.put("grade", r.grade);
        after.put("score", r.score);
        after.put("findings", seen.size());
        after.put("inserted", inserted);
        after.put("updated", updated);
        after.put("removed", removed);
        String action = isNew ? "record.ingest" : "record.recheck";
        if (byUser) audit.record(action, "record", id, isNew ? null : Map.of("status", before), after);
        else audit.system(action, "record", id, isNew ? null : Map.of("status", before), after);
        return new Stored(id, recordKey, seen.size(), inserted, updated, removed);
    }

    private static void fill(FindingRow f, CheckedRecord.IssueData d, Instant now) {
        f.ruleId = d.ruleId();
        f.title = d.title();
        f.defectClass = d.defectClass();
        f.severity = d.severity();
        f.points = BigDecimal.valueOf(d.points());
        f.veto = d.veto();
        f.detailEn = d.detailEn();
        f.detailZh = d.detailZh();
        f.fixHint = d.fixHint();
        f.regulation = d.regulation();
        f.reference = d.reference();
        f.encounterRef = d.encounterRef();
        f.implicated = List.copyOf(d.implicated());
        f.evidence = List.copyOf(d.evidence());
        f.evidenceSpans = List.copyOf(d.spans());
        f.region = d.region();
        f.packVersion = d.packVersion();
        if (d.values() != null) f.values = d.values();
        f.updatedAt = now;
    }

    /** The active physician user who is this practitioner in the records, or null. */
    private static String physicianFor(String practitionerRef) {
        if (practitionerRef == null) return null;
        return UserAccount.<UserAccount>find("practitionerRef = ?1 and role = 'physician' and active = true", practitionerRef)
                .firstResultOptional().map(u -> u.username).orElse(null);
    }
}
