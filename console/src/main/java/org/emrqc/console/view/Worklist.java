package org.emrqc.console.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.api.ProblemException;
import org.emrqc.console.store.QcRecord;

/**
 * The worklist: records with findings, filtered (department, attending, region, rule, defect class, severity, status,
 * grade, checked-at range), sorted, paged, with counts per department, defect class, severity, grade and status
 * over all filtered records. A physician sees only records he attends or holds a task for.
 */
@ApplicationScoped
public class Worklist {
    private static final Map<String, String> SORTS = Map.of(
            "checkedAt", "r.checked_at", "score", "r.score", "grade", "r.grade", "department", "r.department",
            "attending", "r.attending", "patientName", "r.patient_name", "status", "r.status",
            "findings", "(select count(*) from finding c where c.record_id = r.id)");

    @Inject
    EntityManager em;

    /** The filters of one request; null means "any". */
    public record Filter(String department, String attending, String region, String rule, String defectClass, String severity,
                         String status, String grade, Instant from, Instant to, String physician, Long physicianId) { }

    public Map<String, Object> page(Filter f, String sort, String dir, int page, int size) {
        String order = SORTS.get(sort == null ? "checkedAt" : sort);
        if (order == null) throw ProblemException.badRequest("sort: one of " + String.join(", ", SORTS.keySet().stream().sorted().toList()));
        String direction = dir == null ? "desc" : dir.toLowerCase();
        if (!direction.equals("asc") && !direction.equals("desc")) throw ProblemException.badRequest("dir: asc or desc");
        if (page < 0) throw ProblemException.badRequest("page: 0 or more (pages count from 0)");
        if (size < 1 || size > 200) throw ProblemException.badRequest("size: 1 to 200");

        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(f, params);
        long total = ((Number) bind(em.createNativeQuery("select count(*) from qc_record r where " + where), params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<String> ids = bind(em.createNativeQuery("select r.id from qc_record r where " + where + " order by " + order + " " + direction
                + " nulls last, r.id limit " + size + " offset " + ((long) page * size)), params).getResultList();
        List<Map<String, Object>> items = new ArrayList<>();
        for (String id : ids) items.add(WorklistItems.summary(QcRecord.findById(id)));

        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("department", facet("select coalesce(r.department, '') k, count(*) from qc_record r where " + where + " group by 1", params));
        facets.put("defectClass", facet("select f.defect_class k, count(distinct r.id) from qc_record r join finding f on f.record_id = r.id where "
                + where + " group by 1", params));
        facets.put("severity", facet("select f.severity k, count(distinct r.id) from qc_record r join finding f on f.record_id = r.id where "
                + where + " group by 1", params));
        facets.put("grade", facet("select coalesce(r.grade, '') k, count(*) from qc_record r where " + where + " group by 1", params));
        facets.put("status", facet("select r.status k, count(*) from qc_record r where " + where + " group by 1", params));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("page", page);
        out.put("size", size);
        out.put("items", items);
        out.put("facets", facets);
        return out;
    }

    private Map<String, Long> facet(String sql, Map<String, Object> params) {
        Map<String, Long> out = new java.util.TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql), params).getResultList();
        for (Object[] row : rows) out.put((String) row[0], ((Number) row[1]).longValue());
        return out;
    }

    static String where(Filter f, Map<String, Object> params) {
        List<String> c = new ArrayList<>();
        c.add("exists (select 1 from finding x where x.record_id = r.id)");
        eq(c, params, "r.department", "department", f.department());
        if (f.attending() != null) {
            c.add("(r.attending = :attending or r.attending_username = :attending or r.attending_ref = :attending)");
            params.put("attending", f.attending());
        }
        eq(c, params, "r.region", "region", f.region());
        eq(c, params, "r.status", "status", f.status());
        eq(c, params, "r.grade", "grade", f.grade());
        List<String> fc = new ArrayList<>();
        eq(fc, params, "y.rule_id", "rule", f.rule());
        eq(fc, params, "y.defect_class", "defectClass", f.defectClass());
        eq(fc, params, "y.severity", "severity", f.severity());
        if (!fc.isEmpty()) c.add("exists (select 1 from finding y where y.record_id = r.id and " + String.join(" and ", fc) + ")");
        if (f.from() != null) {
            c.add("r.checked_at >= :fromTime");
            params.put("fromTime", java.sql.Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            c.add("r.checked_at < :toTime");
            params.put("toTime", java.sql.Timestamp.from(f.to()));
        }
        if (f.physician() != null) {
            c.add("(r.attending_username = :physician or exists (select 1 from task t where t.record_id = r.id and t.assignee_id = :physicianId))");
            params.put("physician", f.physician());
            params.put("physicianId", f.physicianId());
        }
        return String.join(" and ", c);
    }

    private static void eq(List<String> c, Map<String, Object> params, String column, String name, String value) {
        if (value == null || value.isBlank()) return;
        c.add(column + " = :" + name);
        params.put(name, value.strip());
    }

    static Query bind(Query q, Map<String, Object> params) {
        params.forEach(q::setParameter);
        return q;
    }

}
