package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.Fact;
import org.emrqc.model.Finding;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Evaluates one patient record against a compiled rule base in a stateless session, then applies what the
 * DRL does not decide: stage (running rules for open encounters, terminal rules for finished ones),
 * department scope, de-duplication, and the record's score and grade.
 */
public final class RecordEvaluator {

    public RecordResult evaluate(CompiledRuleBase base, PatientRecord record, long asOf, String region) {
        return evaluate(base, record, asOf, region, java.time.ZoneOffset.UTC);
    }

    /** @param zone the zone in which times in the findings' messages are shown */
    public RecordResult evaluate(CompiledRuleBase base, PatientRecord record, long asOf, String region, java.time.ZoneId zone) {
        EffectiveRuleSet set = base.ruleSet();
        List<Fact> facts = record.getFacts();
        FactEnricher.enrich(facts, set.knowledge());
        Hits hits = new Hits();
        StatelessKieSession session = base.kieBase().newStatelessKieSession();
        session.setGlobal("hits", hits);
        session.setGlobal("kb", set.knowledge());
        session.setGlobal("ctx", new RecordContext(asOf, record.getPatient()));
        session.execute(facts);

        Map<String, Finding> findings = new LinkedHashMap<>();
        for (Hit h : hits.all()) {
            EffectiveRule rule = set.rules().get(h.ruleId());
            if (rule == null || !rule.enabled()) {
                throw new IllegalStateException("template fired for rule '" + h.ruleId() + "' which is not an enabled rule of the pack");
            }
            if (!applies(rule, record.encounter(h.encounterId()), record)) continue;
            Finding f = FindingFactory.create(h, rule, record.getPatientRef(), set.pack().label(), region, set.pack().docsBase(), zone);
            findings.putIfAbsent(f.stableId(), f);
        }
        List<Finding> list = new ArrayList<>(findings.values());
        double deducted = list.stream().mapToDouble(Finding::points).sum();
        double score = Math.max(0, set.scoring().start() - deducted);
        boolean vetoed = list.stream().anyMatch(Finding::veto);
        return new RecordResult(record.getSource(), record.getPatientRef(), list, score, set.scoring().gradeFor(score, vetoed),
                vetoed, set.pack().label(), region);
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
