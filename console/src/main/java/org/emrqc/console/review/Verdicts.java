package org.emrqc.console.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.api.Params;
import org.emrqc.console.api.ProblemException;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.store.FindingRow;
import org.emrqc.console.store.QcRecord;
import org.emrqc.console.store.UserAccount;
import org.emrqc.console.store.VerdictRow;

/** Verdicts on findings: confirm, dismiss as a false positive (a reason is required), mark rectified. */
@ApplicationScoped
public class Verdicts {
    public static final List<String> KINDS = List.of("confirmed", "dismissed", "rectified");

    @Inject
    AuditLog audit;
    @Inject
    RecordStatus status;

    @Transactional
    public Map<String, Object> give(String findingId, String verdict, String reason, UserAccount by) {
        String kind = Params.oneOf("verdict", Params.required("verdict", verdict), KINDS);
        if ("dismissed".equals(kind) && (reason == null || reason.isBlank())) {
            throw ProblemException.badRequest("reason: required when dismissing a finding as a false positive");
        }
        FindingRow f = FindingRow.findById(findingId);
        if (f == null) throw ProblemException.notFound("no finding " + findingId);
        String before = f.status;
        VerdictRow v = new VerdictRow();
        v.findingId = f.id;
        v.userId = by.id;
        v.verdict = kind;
        v.reason = reason == null || reason.isBlank() ? null : reason.strip();
        v.at = Instant.now();
        v.persist();
        f.status = kind;
        f.updatedAt = v.at;
        FindingRow.flush();
        QcRecord r = QcRecord.findById(f.recordId);
        String recordBefore = r.status;
        r.status = status.compute(r.id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", kind);
        after.put("reason", v.reason);
        audit.record("finding.verdict", "finding", f.id, Map.of("status", before), after);
        if (!recordBefore.equals(r.status)) audit.record("record.status", "record", r.id, Map.of("status", recordBefore), Map.of("status", r.status));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("findingId", f.id);
        out.put("status", f.status);
        out.put("recordId", r.id);
        out.put("recordStatus", r.status);
        return out;
    }
}
