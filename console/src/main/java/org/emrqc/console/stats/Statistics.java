package org.emrqc.console.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.emrqc.console.ingest.RecordSummarizer;
import org.emrqc.rules.engine.Indicators;

/**
 * Statistics over checked records in a time range (by checked-at): defect rates per department, doctor, rule or
 * defect class and period; the grade distribution; top rules; the 2021 national timeliness indicators (documents
 * completed within 24 h) for records whose documents have times; per-rule precision from verdicts
 * (confirmed / (confirmed + dismissed)). A record is defective when it has a finding not dismissed as a false positive.
 */
@ApplicationScoped
public class Statistics {
    public static final List<String> GROUPS = List.of("department", "doctor", "rule", "defectClass");
    public static final List<String> INTERVALS = List.of("day", "week", "month");

    @Inject
    EntityManager em;
    @Inject
    org.emrqc.console.ingest.QcEngine engine;

    public record Query(Instant from, Instant to, String groupBy, String interval, String zone) { }

    /** One row of the defect-rate table. */
    public record DefectRate(String period, String key, long records, long defective, BigDecimal rate) { }

    public Map<String, Object> all(Query q) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", q.from());
        out.put("to", q.to());
        out.put("groupBy", q.groupBy());
        out.put("interval", q.interval());
        out.put("totals", totals(q));
        out.put("defectRates", defectRates(q));
        out.put("gradeDistribution", grades(q));
        out.put("topRules", topRules(q, 10));
        out.put("timeliness", timeliness(q));
        out.put("indicators", indicators(q));
        out.put("precision", precision(q));
        return out;
    }

    private String range(Query q, Map<String, Object> p) {
        StringBuilder w = new StringBuilder("1 = 1");
        if (q.from() != null) {
            w.append(" and r.checked_at >= :fromTime");
            p.put("fromTime", java.sql.Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            w.append(" and r.checked_at < :toTime");
            p.put("toTime", java.sql.Timestamp.from(q.to()));
        }
        return w.toString();
    }

    /** The period expression; interval and zone are validated before they reach SQL. */
    private static String period(Query q) {
        return "to_char(date_trunc('" + q.interval() + "', r.checked_at at time zone '" + q.zone().replace("'", "") + "'), 'YYYY-MM-DD')";
    }

    public Map<String, Object> totals(Query q) {
        Map<String, Object> p = new LinkedHashMap<>();
        Object[] row = (Object[]) bind(em.createNativeQuery("select count(*), count(*) filter (where exists (select 1 from finding f where f.record_id = r.id"
                + " and f.status <> 'dismissed')), (select count(*) from finding f join qc_record r2 on r2.id = f.record_id where r2.id in (select r.id from qc_record r where "
                + range(q, p) + ")) from qc_record r where " + range(q, p)), p).getSingleResult();
        Map<String, Object> m = new LinkedHashMap<>();
        long records = ((Number) row[0]).longValue();
        long defective = ((Number) row[1]).longValue();
        m.put("records", records);
        m.put("defective", defective);
        m.put("defectRate", rate(defective, records));
        m.put("findings", ((Number) row[2]).longValue());
        return m;
    }

    public List<DefectRate> defectRates(Query q) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = range(q, p);
        String sql;
        if ("department".equals(q.groupBy()) || "doctor".equals(q.groupBy())) {
            String key = "department".equals(q.groupBy()) ? "r.department" : "r.attending";
            sql = "select " + period(q) + " p, coalesce(" + key + ", '') k, count(*) n, count(*) filter (where exists (select 1 from finding f"
                    + " where f.record_id = r.id and f.status <> 'dismissed')) d from qc_record r where " + where + " group by 1, 2 order by 1, 2";
        } else {
            String key = "rule".equals(q.groupBy()) ? "f.rule_id" : "f.defect_class";
            sql = "with recs as (select r.id, " + period(q) + " p from qc_record r where " + where + "), totals as (select p, count(*) n from recs group by p)"
                    + " select recs.p, " + key + " k, t.n, count(distinct recs.id) d from recs join finding f on f.record_id = recs.id and f.status <> 'dismissed'"
                    + " join totals t on t.p = recs.p group by 1, 2, 3 order by 1, 2";
        }
        List<DefectRate> out = new ArrayList<>();
        for (Object[] row : rows(sql, p)) {
            long n = ((Number) row[2]).longValue();
            long d = ((Number) row[3]).longValue();
            out.add(new DefectRate((String) row[0], (String) row[1], n, d, rate(d, n)));
        }
        return out;
    }

    public Map<String, Long> grades(Query q) {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("甲", 0L);
        out.put("乙", 0L);
        out.put("丙", 0L);
        for (Object[] row : rows("select coalesce(r.grade, '') g, count(*) from qc_record r where " + range(q, p) + " group by 1 order by 1", p)) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    public List<Map<String, Object>> topRules(Query q, int limit) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : rows("select f.rule_id, min(f.title), count(*), count(distinct f.record_id) from finding f join qc_record r on r.id = f.record_id"
                + " where " + range(q, p) + " and f.status <> 'dismissed' group by 1 order by 3 desc, 1 limit " + limit, p)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", row[0]);
            m.put("title", row[1]);
            m.put("findings", ((Number) row[2]).longValue());
            m.put("records", ((Number) row[3]).longValue());
            out.add(m);
        }
        return out;
    }

    /** Per indicator: records whose data allow it (both times known), those within 24 h, and the rate. */
    public List<Map<String, Object>> timeliness(Query q) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String indicator : RecordSummarizer.INDICATOR_ORDER) {
            Object[] row = (Object[]) bind(em.createNativeQuery("select count(*) filter (where (r.timeliness ->> '" + indicator + "') is not null),"
                    + " count(*) filter (where (r.timeliness ->> '" + indicator + "')::numeric <= 24) from qc_record r where " + range(q, p)), p).getSingleResult();
            long known = ((Number) row[0]).longValue();
            long within = ((Number) row[1]).longValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("indicator", indicator);
            m.put("name", RecordSummarizer.INDICATORS.get(indicator));
            m.put("records", known);
            m.put("within24h", within);
            m.put("rate", rate(within, known));
            out.add(m);
        }
        return out;
    }

    /** The indicators of the default region's pack, in its table's order. */
    public List<Indicators.Indicator> catalog() {
        return Indicators.catalog(engine.ruleSet(null).knowledge());
    }

    /** Records in the numerator: no open or confirmed finding of the indicator's rules (conformity), or one (occurrence). */
    private static String decided(String code) {
        return "exists (select 1 from finding f where f.record_id = r.id and f.status <> 'dismissed' and f.rule_id in"
                + " (select jsonb_array_elements_text(r.indicators -> '" + code.replace("'", "") + "' -> 'rules')))";
    }

    /**
     * Per national indicator the records in its denominator and its numerator over the range, in all and by period
     * and department or doctor (when the statistics are grouped by one of them): a record's membership was stored when
     * it was checked, its numerator follows the reviewers' verdicts (a dismissed finding does not count).
     */
    public List<Map<String, Object>> indicators(Query q) {
        List<Map<String, Object>> out = new ArrayList<>();
        boolean byKey = "department".equals(q.groupBy()) || "doctor".equals(q.groupBy());
        String key = "doctor".equals(q.groupBy()) ? "r.attending" : "r.department";
        for (Indicators.Indicator i : catalog()) {
            Map<String, Object> p = new LinkedHashMap<>();
            String member = "(r.indicators -> '" + i.code().replace("'", "") + "') is not null";
            String hit = decided(i.code());
            Object[] row = (Object[]) bind(em.createNativeQuery("select count(*), count(*) filter (where " + hit + ") from qc_record r where "
                    + range(q, p) + " and " + member), p).getSingleResult();
            long den = ((Number) row[0]).longValue();
            long hits = ((Number) row[1]).longValue();
            long num = i.occurrence() ? hits : den - hits;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", i.code());
            m.put("number", i.number());
            m.put("name", Map.of("zh", i.name().in("zh"), "en", i.name().in("en")));
            m.put("occurrence", i.occurrence());
            m.put("denominator", den);
            m.put("numerator", num);
            m.put("rate", rate(num, den));
            List<Map<String, Object>> groups = new ArrayList<>();
            Map<String, Object> gp = new LinkedHashMap<>();
            for (Object[] g : rows("select " + period(q) + " p, " + (byKey ? "coalesce(" + key + ", '')" : "''") + " k, count(*), count(*) filter (where "
                    + hit + ") from qc_record r where " + range(q, gp) + " and " + member + " group by 1, 2 order by 1, 2", gp)) {
                long d = ((Number) g[2]).longValue();
                long h = ((Number) g[3]).longValue();
                long n = i.occurrence() ? h : d - h;
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("period", g[0]);
                gm.put("key", g[1]);
                gm.put("denominator", d);
                gm.put("numerator", n);
                gm.put("rate", rate(n, d));
                groups.add(gm);
            }
            m.put("groups", groups);
            out.add(m);
        }
        return out;
    }

    /**
     * Drill-down: the records in an indicator's denominator over the range (optionally one department or doctor, and
     * only those in or out of the numerator), newest first, with why each is in the denominator and the findings that
     * decided its numerator.
     */
    public List<Map<String, Object>> indicatorRecords(Query q, String code, String department, String doctor, Boolean inNumerator, int limit) {
        Indicators.Indicator indicator = catalog().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("indicator: '" + code + "' is not one of "
                        + catalog().stream().map(Indicators.Indicator::code).toList()));
        Map<String, Object> p = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(range(q, p)).append(" and (r.indicators -> :code) is not null");
        p.put("code", code);
        if (department != null) {
            where.append(" and coalesce(r.department, '') = :department");
            p.put("department", department);
        }
        if (doctor != null) {
            where.append(" and coalesce(r.attending, '') = :doctor");
            p.put("doctor", doctor);
        }
        String hit = decided(code);
        if (inNumerator != null) where.append(inNumerator == indicator.occurrence() ? " and " : " and not ").append(hit);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : rows("select r.id, r.patient_name, r.department, r.attending, r.checked_at, r.grade, cast(r.indicators -> :code as text), " + hit
                + " from qc_record r where " + where + " order by r.checked_at desc, r.id limit " + limit, p)) {
            Map<String, Object> m = new LinkedHashMap<>();
            String id = (String) row[0];
            m.put("recordId", id);
            m.put("patientName", row[1]);
            m.put("department", row[2]);
            m.put("attending", row[3]);
            m.put("checkedAt", row[4] instanceof java.sql.Timestamp t ? t.toInstant() : row[4]);
            m.put("grade", row[5]);
            boolean decidedBy = Boolean.TRUE.equals(row[7]);
            m.put("inNumerator", indicator.occurrence() == decidedBy);
            try {
                JsonNode v = JSON.readTree((String) row[6]);
                m.put("why", Map.of("zh", v.path("why").path("zh").asText(), "en", v.path("why").path("en").asText()));
                List<String> refs = new ArrayList<>();
                v.path("refs").forEach(n -> refs.add(n.asText()));
                m.put("refs", refs);
            } catch (java.io.IOException e) {
                m.put("why", Map.of());
            }
            List<Map<String, Object>> deciding = new ArrayList<>();
            Map<String, Object> fp = new LinkedHashMap<>();
            fp.put("id", id);
            fp.put("code", code);
            for (Object[] f : rows("select f.rule_id, min(f.title), min(f.status) from finding f join qc_record r on r.id = f.record_id where r.id = :id"
                    + " and f.status <> 'dismissed' and f.rule_id in (select jsonb_array_elements_text(r.indicators -> :code -> 'rules'))"
                    + " group by 1 order by 1", fp)) {
                deciding.add(Map.of("ruleId", f[0], "title", f[1] == null ? "" : f[1], "status", f[2]));
            }
            m.put("findings", deciding);
            out.add(m);
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public List<Map<String, Object>> precision(Query q) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : rows("select f.rule_id, count(*) filter (where f.status in ('confirmed', 'rectified')), count(*) filter (where f.status = 'dismissed')"
                + " from finding f join qc_record r on r.id = f.record_id where " + range(q, p) + " and f.status <> 'open' group by 1 order by 1", p)) {
            long confirmed = ((Number) row[1]).longValue();
            long dismissed = ((Number) row[2]).longValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", row[0]);
            m.put("confirmed", confirmed);
            m.put("dismissed", dismissed);
            m.put("precision", rate(confirmed, confirmed + dismissed));
            // the 95 % Wilson interval, computed as bin/emrqc eval-findings computes it
            org.emrqc.model.Proportion pr = new org.emrqc.model.Proportion(confirmed, confirmed + dismissed);
            m.put("low", Double.isNaN(pr.low()) ? null : BigDecimal.valueOf(pr.low()).setScale(4, RoundingMode.HALF_UP));
            m.put("high", Double.isNaN(pr.high()) ? null : BigDecimal.valueOf(pr.high()).setScale(4, RoundingMode.HALF_UP));
            out.add(m);
        }
        return out;
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> p) { return bind(em.createNativeQuery(sql), p).getResultList(); }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Map<String, Object> p) {
        p.forEach(query::setParameter);
        return query;
    }
}
