package org.emrqc.rules.engine;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.EventFact;
import org.emrqc.model.Fact;
import org.emrqc.model.Finding;
import org.emrqc.model.IndicatorResult;
import org.emrqc.model.Localized;
import org.emrqc.model.PatientRecord;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;

/**
 * The national indicators a record takes part in, from the pack's {@code indicators} table: a row names the
 * denominator ({@code discharged}: a finished inpatient stay; {@code principal-diagnosis}: such a stay with a principal
 * diagnosis; {@code event:<kinds>}: an operation, transfusion, rescue … derived as the event rules derive them) and the
 * rules whose findings decide the numerator. A record is in a conformity rate's numerator when none of those rules
 * found anything on it, in an occurrence rate's numerator when one did. Rules the region does not enable are left out;
 * an indicator none of whose rules is enabled is not computed for the region.
 */
public final class Indicators {
    public static final String TABLE = "indicators";

    /** One row of the table. */
    public record Indicator(String code, int number, String base, List<String> rules, boolean occurrence, Localized name) { }

    /** Why a record is in an indicator's denominator. */
    public record Membership(Indicator indicator, Localized why, List<String> refs) { }

    private Indicators() { }

    /** The indicators of the table, in its order; empty when the pack has none. */
    public static List<Indicator> catalog(Knowledge kb) {
        if (!kb.tables().containsKey(TABLE)) return List.of();
        List<Indicator> out = new ArrayList<>();
        for (Row r : kb.table(TABLE).rows()) {
            String rules = r.str("rules");
            List<String> ids = rules == null || rules.isBlank() ? List.of() : List.of(rules.trim().split("\\s+"));
            out.add(new Indicator(r.str("code"), Integer.parseInt(r.str("number").trim()), r.str("base").trim(), ids,
                    "occurrence".equals(r.str("polarity")), new Localized(r.str("en"), r.str("zh"))));
        }
        return out;
    }

    /** The indicators computed in a region: those with at least one enabled rule, each with only its enabled rules. */
    public static List<Indicator> computed(EffectiveRuleSet set) {
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : catalog(set.knowledge())) {
            List<String> enabled = i.rules().stream().filter(id -> set.rules().containsKey(id) && set.rules().get(id).enabled()).toList();
            if (!enabled.isEmpty()) out.add(new Indicator(i.code(), i.number(), i.base(), enabled, i.occurrence(), i.name()));
        }
        return out;
    }

    /** The denominators this record is in (the facts are enriched and events derived as the rule session would). */
    public static List<Membership> memberships(EffectiveRuleSet set, PatientRecord record, ZoneId zone) {
        List<Indicator> indicators = computed(set);
        if (indicators.isEmpty()) return List.of();
        List<Fact> facts = record.getFacts();
        FactEnricher.enrich(facts, set.knowledge());
        List<EventFact> events;
        try {
            events = EventDeriver.derive(facts, set.knowledge());
        } catch (RuntimeException e) {
            events = List.of();
        }
        return memberships(indicators, record, events, zone);
    }

    static List<Membership> memberships(List<Indicator> indicators, PatientRecord record, List<EventFact> events, ZoneId zone) {
        List<Membership> out = new ArrayList<>();
        for (Indicator i : indicators) {
            Membership m = membership(i, record, events, zone);
            if (m != null) out.add(m);
        }
        return out;
    }

    /** Each denominator the record is in, with its numerator decided by the record's findings. */
    public static List<IndicatorResult> evaluate(EffectiveRuleSet set, PatientRecord record, List<Finding> findings, ZoneId zone) {
        return results(memberships(set, record, zone), findings);
    }

    /** As the evaluator places a record, with the events it derived for the session. */
    static List<IndicatorResult> evaluate(List<Indicator> indicators, PatientRecord record, List<EventFact> events, List<Finding> findings, ZoneId zone) {
        return results(memberships(indicators, record, events, zone), findings);
    }

    private static List<IndicatorResult> results(List<Membership> memberships, List<Finding> findings) {
        List<IndicatorResult> out = new ArrayList<>();
        for (Membership m : memberships) {
            Indicator i = m.indicator();
            Set<String> deciding = new LinkedHashSet<>();
            for (Finding f : findings) if (i.rules().contains(f.ruleId())) deciding.add(f.ruleId());
            boolean numerator = i.occurrence() != deciding.isEmpty();
            out.add(new IndicatorResult(i.code(), i.number(), i.name(), i.occurrence(), numerator, m.why(), m.refs(), i.rules(),
                    List.copyOf(deciding)));
        }
        return out;
    }

    private static Membership membership(Indicator i, PatientRecord record, List<EventFact> events, ZoneId zone) {
        String base = i.base();
        if (base.startsWith("event:")) {
            Set<String> kinds = Set.of(base.substring("event:".length()).trim().split("\\s+"));
            List<String> refs = new ArrayList<>();
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (EventFact e : events) {
                if (!kinds.contains(e.getKind()) || refs.contains(e.getRef())) continue;
                refs.add(e.getRef());
                if (refs.size() > 3) continue;
                String when = e.getAt() == null ? "" : new ShownTime(e.getAt(), e.getAtLatest() == null ? e.getAt() : e.getAtLatest()).format(zone);
                if (zh.length() > 0) {
                    zh.append("；");
                    en.append("; ");
                }
                zh.append(e.getLabel().in("zh")).append("（").append(when).append("）");
                en.append(e.getLabel().in("en")).append(" (").append(when).append(")");
            }
            if (refs.isEmpty()) return null;
            if (refs.size() > 3) {
                zh.append("等").append(refs.size()).append("项");
                en.append(" and ").append(refs.size() - 3).append(" more");
            }
            return new Membership(i, new Localized(en.toString(), zh.toString()), refs);
        }
        EncounterFact stay = finishedStay(record);
        if (stay == null) return null;
        String end = new ShownTime(stay.getEnd(), stay.getEndLatest()).format(zone);
        if ("discharged".equals(base)) {
            return new Membership(i, new Localized("inpatient stay ended " + end, "住院患者，" + end + "出院"), List.of(stay.getRef()));
        }
        if ("principal-diagnosis".equals(base)) {
            for (ConditionFact c : record.facts(ConditionFact.class)) {
                if (!c.isPrincipal() || (c.getEncounterId() != null && !c.getEncounterId().equals(stay.getId()))) continue;
                String name = c.getLabel() != null ? c.getLabel() : c.getRef();
                return new Membership(i, new Localized("principal diagnosis " + name + ", discharged " + end, "主要诊断" + name + "，" + end + "出院"),
                        List.of(c.getRef()));
            }
            return null;
        }
        throw new IllegalArgumentException("indicator " + i.code() + ": unknown denominator '" + base + "'");
    }

    private static EncounterFact finishedStay(PatientRecord record) {
        for (EncounterFact e : record.facts(EncounterFact.class)) {
            if (e.isInpatient() && e.isFinished() && e.getEnd() != null) return e;
        }
        return null;
    }
}
