package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.Fact;
import org.emrqc.model.Finding;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.model.RuleNotice;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one patient record against a compiled rule base in a stateless session, then applies what the
 * DRL does not decide: stage (running rules for open encounters, terminal rules for finished ones),
 * department scope, one finding per rule and stay, and the record's score and grade.
 *
 * <p>No rule can fail a record. A rule whose consequence throws is marked failed by the catch every consequence
 * runs in ({@link RuleBaseCompiler#isolate}) and the session goes on; a rule whose conditions throw (Drools names it in the exception) ends the session, which
 * is run again without that rule. Either way the rule is reported as not evaluated for the record
 * ({@link RuleNotice}), every other rule's findings are kept, and the score counts only what was evaluated.
 */
public final class RecordEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(RecordEvaluator.class);
    /** Runs of one record's session before giving up on isolating failing rules one by one. */
    private static final int MAX_RUNS = 8;

    public RecordResult evaluate(CompiledRuleBase base, PatientRecord record, long asOf, String region) {
        return evaluate(base, record, asOf, region, java.time.ZoneOffset.UTC);
    }

    /** @param zone the zone in which times in the findings' messages are shown */
    public RecordResult evaluate(CompiledRuleBase base, PatientRecord record, long asOf, String region, java.time.ZoneId zone) {
        return evaluate(base, record, asOf, region, zone, List.of());
    }

    /** @param peers sections of other patients' records in the same batch ({@link BatchPeers#forRecord}) */
    public RecordResult evaluate(CompiledRuleBase base, PatientRecord record, long asOf, String region, java.time.ZoneId zone,
                                 List<PeerSection> peers) {
        EffectiveRuleSet set = base.ruleSet();
        List<Fact> facts = record.getFacts();
        FactEnricher.enrich(facts, set.knowledge());
        List<org.emrqc.model.EventFact> events;
        try {
            events = EventDeriver.derive(facts, set.knowledge());
        } catch (RuntimeException e) {
            // the event rules then find nothing on this record; every other rule still runs
            LOG.warn("record {}: events not derived ({})", record.getPatientRef(), RuleFailures.reason(e));
            events = List.of();
        }
        if (!events.isEmpty()) {
            facts = new java.util.ArrayList<>(facts);
            facts.addAll(events);
        }
        Map<String, String> failed = new LinkedHashMap<>();
        Hits hits = run(base, record, asOf, zone, facts, failed, peers);

        Map<String, List<Hit>> groups = new LinkedHashMap<>();
        for (Hit h : hits.all()) {
            if (failed.containsKey(h.ruleId())) continue;
            EffectiveRule rule = set.rules().get(h.ruleId());
            if (rule == null || !rule.enabled()) {
                failed.putIfAbsent(h.ruleId(), "template fired for a rule that is not enabled in the pack");
                continue;
            }
            try {
                if (!applies(rule, record.encounter(h.encounterId()), record)) continue;
            } catch (RuntimeException e) {
                failed.putIfAbsent(h.ruleId(), RuleFailures.reason(e));
                continue;
            }
            groups.computeIfAbsent(h.ruleId() + "\u0000" + (h.encounterId() == null ? "" : h.encounterId()), k -> new ArrayList<>()).add(h);
        }
        List<Finding> list = new ArrayList<>();
        String language = set.language();
        for (List<Hit> group : groups.values()) {
            String ruleId = group.get(0).ruleId();
            if (failed.containsKey(ruleId)) continue;
            try {
                list.add(finding(group, set.rules().get(ruleId), record, set, region, zone, language));
            } catch (RuntimeException e) {
                failed.putIfAbsent(ruleId, RuleFailures.reason(e));
                list.removeIf(f -> f.ruleId().equals(ruleId));
            }
        }
        List<RuleNotice> notices = new ArrayList<>();
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Finding f : list) reported.add(f.ruleId());
        hits.unverifiable().forEach((rule, reason) -> {
            EffectiveRule r = set.rules().get(rule);
            if (r != null && r.enabled() && !failed.containsKey(rule) && !reported.contains(rule)) {
                notices.add(RuleNotice.cannotVerify(rule, reason.in("en"), reason.in("zh")));
            }
        });
        failed.forEach((rule, reason) -> {
            notices.add(RuleNotice.notEvaluated(rule, reason));
            LOG.warn("rule {} not evaluated for a record: {}", rule, reason);
        });
        double deducted = list.stream().mapToDouble(Finding::points).sum();
        double score = Math.max(0, set.scoring().start() - deducted);
        boolean vetoed = list.stream().anyMatch(Finding::veto);
        List<org.emrqc.model.IndicatorResult> indicators;
        try {
            indicators = Indicators.evaluate(base.indicators(), record, events, list, zone);
        } catch (RuntimeException e) {
            // indicators are statistics: a record they cannot place is left out of them, its findings stand
            LOG.warn("record {}: indicators not evaluated ({})", record.getPatientRef(), RuleFailures.reason(e));
            indicators = List.of();
        }
        // the period the record covers: from the first stay's start to the last one's end (an open stay: the check time)
        Long from = null;
        Long to = null;
        boolean open = false;
        for (org.emrqc.model.EncounterFact e : record.facts(org.emrqc.model.EncounterFact.class)) {
            if (e.getStart() != null && (from == null || e.getStart() < from)) from = e.getStart();
            if (e.getEnd() == null) open = true;
            else if (to == null || e.getEnd() > to) to = e.getEnd();
        }
        if (from != null && (open || to == null || to < from)) to = Math.max(asOf, from);
        return new RecordResult(record.getSource(), record.getPatientRef(), list, score, set.scoring().gradeFor(score, vetoed),
                vetoed, set.pack().label(), region, notices, indicators, from, from == null ? null : to, record.getInputReferences());
    }

    /**
     * Runs the session; when a rule's conditions throw, runs it again without that rule (and so on, up to
     * {@link #MAX_RUNS} runs). Failed rules and their reasons go into {@code failed}.
     */
    private static Hits run(CompiledRuleBase base, PatientRecord record, long asOf, java.time.ZoneId zone, List<Fact> facts, Map<String, String> failed,
                            List<PeerSection> peers) {
        EffectiveRuleSet set = base.ruleSet();
        Set<String> without = new LinkedHashSet<>();
        for (int runs = 1; ; runs++) {
            Hits hits = new Hits();
            StatelessKieSession session = base.statelessSession(without);
            session.setGlobal("hits", hits);
            session.setGlobal("kb", set.knowledge());
            session.setGlobal("ctx", new RecordContext(asOf, record.getPatient(), zone, facts).withPeers(peers));
            try {
                session.execute(facts);
                hits.failed().forEach(failed::putIfAbsent);
                return hits;
            } catch (RuntimeException e) {
                String rule = RuleFailures.ruleOf(e);
                if (rule == null || without.contains(rule) || !set.rules().containsKey(rule) || runs >= MAX_RUNS) {
                    // the failing rule cannot be told apart: every rule is reported as not evaluated
                    String reason = RuleFailures.reason(e);
                    for (EffectiveRule r : set.enabled()) failed.putIfAbsent(r.id(), "the rule session failed (" + reason + ")");
                    return new Hits();
                }
                failed.putIfAbsent(rule, RuleFailures.reason(e));
                without.add(rule);
            }
        }
    }

    /**
     * One finding for a rule's hits on one stay: the first hit's values fill the message; the others add their
     * implicated resources, evidence and spans, and the count.
     */
    private static Finding finding(List<Hit> group, EffectiveRule rule, PatientRecord record, EffectiveRuleSet set, String region,
                                   java.time.ZoneId zone, String language) {
        Hit first = group.get(0);
        Hit merged = first;
        if (group.size() > 1) {
            merged = Hit.merge(group);
        }
        Finding f = FindingFactory.create(merged, rule, record.getPatientRef(), set.pack().label(), region, set.pack().docsBase(), zone, language);
        return f;
    }

    /** Stage and department scope; a finding without an encounter is judged by the record's encounters. */
    private static boolean applies(EffectiveRule rule, EncounterFact e, PatientRecord record) {
        if (e != null) {
            String stage = e.isFinished() ? "terminal" : "running";
            return rule.stages().contains(stage) && rule.departments().admits(e.getDepartmentCode(), e.getDepartment());
        }
        if (rule.departments().isAll()) return true;
        List<EncounterFact> encounters = record.facts(EncounterFact.class);
        if (encounters.isEmpty()) return rule.departments().include().isEmpty();
        return encounters.stream().anyMatch(x -> rule.departments().admits(x.getDepartmentCode(), x.getDepartment()));
    }
}
