package org.emrqc.console.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.console.config.ConsoleConfig;

/**
 * How well each rule serves the reviewers: how often it fired (findings, records), what the reviewers said
 * (confirmed or rectified, dismissed as false positive, still open), its precision = confirmed / (confirmed +
 * dismissed), and a suggestion — mute it when precision is below {@code emrqc.console.quality.mute-below} after at
 * least {@code min-verdicts} verdicts, review its parameters when below {@code review-below}. Worst first.
 */
@ApplicationScoped
public class RuleQuality {
    /** One rule's line of the report; precision and suggestion are null until it has enough verdicts. */
    public record Line(String ruleId, String title, long findings, long records, long confirmed, long dismissed, long open,
                       BigDecimal precision, String suggestion) { }

    @Inject
    EntityManager em;
    @Inject
    ConsoleConfig config;

    @SuppressWarnings("unchecked")
    public List<Line> report() {
        List<Object[]> rows = em.createNativeQuery("select f.rule_id, min(f.title), count(*), count(distinct f.record_id),"
                + " count(*) filter (where f.status in ('confirmed', 'rectified')), count(*) filter (where f.status = 'dismissed'),"
                + " count(*) filter (where f.status = 'open') from finding f group by f.rule_id").getResultList();
        List<Line> out = new ArrayList<>();
        for (Object[] r : rows) {
            long confirmed = ((Number) r[4]).longValue();
            long dismissed = ((Number) r[5]).longValue();
            BigDecimal precision = null;
            String suggestion = null;
            if (confirmed + dismissed >= config.quality().minVerdicts()) {
                precision = BigDecimal.valueOf(confirmed).divide(BigDecimal.valueOf(confirmed + dismissed), 3, RoundingMode.HALF_UP);
                if (precision.doubleValue() < config.quality().muteBelow()) suggestion = "mute";
                else if (precision.doubleValue() < config.quality().reviewBelow()) suggestion = "review";
            }
            out.add(new Line((String) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                    confirmed, dismissed, ((Number) r[6]).longValue(), precision, suggestion));
        }
        out.sort((a, b) -> {
            int c = Integer.compare(rank(a), rank(b));
            if (c != 0) return c;
            if (a.precision() != null && b.precision() != null && a.precision().compareTo(b.precision()) != 0) return a.precision().compareTo(b.precision());
            c = Long.compare(b.findings(), a.findings());
            return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
        });
        return out;
    }

    private static int rank(Line l) {
        if ("mute".equals(l.suggestion())) return 0;
        if ("review".equals(l.suggestion())) return 1;
        return l.precision() == null ? 3 : 2;
    }
}
