package org.emrqc.console.packs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.api.ProblemException;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.model.Finding;
import org.emrqc.model.RecordResult;
import org.emrqc.rules.admin.ShadowComparison;
import org.emrqc.rules.check.FileOutcome;

/**
 * Shadow mode on the console's stored records: the FHIR each record was received with is checked again by the
 * version in force and by a candidate version (same time, same region, same structuring stage), and
 * {@link ShadowComparison} reports per rule the findings the candidate adds, removes and changes, with examples.
 * Nothing is stored but the audit entry; the version in force keeps serving.
 */
@ApplicationScoped
public class ShadowRun {
    public static final int DEFAULT_LAST = 200;
    public static final int MAX_RECORDS = 5000;
    private static final int PAGE = 50;

    @Inject
    PackAdmin admin;
    @Inject
    QcEngine engine;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    /** @param last the newest N records (when no range is given); from/to a checked-at range (ISO instants, either end optional) */
    public Map<String, Object> run(String packId, String version, Integer last, Instant from, Instant to, Integer examples) {
        long t0 = System.nanoTime();
        CheckerRegistry.Snapshot candidate = QuarkusTransaction.requiringNew().call(() -> admin.candidate(packId, version));
        String candidateLabel = candidate.packLabel();
        CheckerRegistry.Snapshot activeVersion = engine.activeSnapshot();
        String activeLabel = activeVersion.packLabel();
        int limit = last == null ? DEFAULT_LAST : last;
        if (limit < 1 || limit > MAX_RECORDS) throw ProblemException.badRequest("last: 1 to " + MAX_RECORDS);
        int maxExamples = examples == null ? ShadowComparison.DEFAULT_EXAMPLES : examples;
        if (maxExamples < 0 || maxExamples > 50) throw ProblemException.badRequest("examples: 0 to 50");
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> recordIds(from, to, limit));

        Map<String, List<Finding>> active = new LinkedHashMap<>();
        Map<String, List<Finding>> cand = new LinkedHashMap<>();
        List<Map<String, Object>> skipped = new ArrayList<>();
        long asOf = System.currentTimeMillis();
        for (int i = 0; i < ids.size(); i += PAGE) {
            List<String> page = ids.subList(i, Math.min(ids.size(), i + PAGE));
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> load(page));
            for (Object[] r : rows) {
                String id = (String) r[0];
                String patientRef = (String) r[1];
                String region = r[2] == null ? engine.defaultRegion() : (String) r[2];
                String fhir = (String) r[3];
                if (fhir == null) {
                    skipped.add(Map.of("recordId", id, "reason", "the FHIR as received is not stored (the input topic could not be read)"));
                    continue;
                }
                try {
                    ParsedInput parsed = engine.read("shadow/" + id, fhir.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    active.put(id, findings(engine.checkOn(activeVersion, parsed, region, asOf), patientRef));
                    cand.put(id, findings(engine.checkOn(candidate, parsed, region, asOf), patientRef));
                } catch (RuntimeException e) {
                    skipped.add(Map.of("recordId", id, "reason", String.valueOf(e.getMessage())));
                }
            }
        }
        ShadowComparison cmp = ShadowComparison.compare(active, cand, maxExamples);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", activeLabel);
        out.put("candidate", candidateLabel);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("last", from == null && to == null ? limit : null);
        scope.put("from", from);
        scope.put("to", to);
        scope.put("limit", limit);
        out.put("scope", scope);
        out.put("recordsSelected", ids.size());
        out.put("recordsCompared", active.size());
        out.put("skipped", skipped.size() > 20 ? skipped.subList(0, 20) : skipped);
        out.put("skippedCount", skipped.size());
        out.put("comparison", cmp);
        out.put("millis", (System.nanoTime() - t0) / 1_000_000);
        QuarkusTransaction.requiringNew().run(() -> audit.record("pack.shadow", "pack_version", packId + "@" + version, null,
                Map.of("active", activeLabel, "records", active.size(), "added", cmp.added(), "removed", cmp.removed(), "changed", cmp.changed())));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<String> recordIds(Instant from, Instant to, int limit) {
        StringBuilder q = new StringBuilder("select id from qc_record where true");
        if (from != null) q.append(" and checked_at >= :from");
        if (to != null) q.append(" and checked_at < :to");
        q.append(" order by checked_at desc, id limit :limit");
        var query = em.createNativeQuery(q.toString());
        if (from != null) query.setParameter("from", from);
        if (to != null) query.setParameter("to", to);
        query.setParameter("limit", limit);
        return (List<String>) query.getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> load(List<String> ids) {
        return em.createNativeQuery("select id, patient_ref, region, cast(fhir as text) from qc_record where id in (:ids) order by checked_at desc, id")
                .setParameter("ids", ids).getResultList();
    }

    /** The findings of the stored record's patient in an outcome (a Bundle may hold several patients). */
    private static List<Finding> findings(FileOutcome outcome, String patientRef) {
        List<Finding> out = new ArrayList<>();
        for (RecordResult r : outcome.results()) {
            if (patientRef == null || patientRef.equals(r.patientRef())) out.addAll(r.findings());
        }
        return out;
    }
}
