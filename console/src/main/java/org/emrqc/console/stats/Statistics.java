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
import org.emrqc.console.ingest.RecordSummarizer;

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
