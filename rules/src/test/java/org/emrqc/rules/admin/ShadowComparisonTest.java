package org.emrqc.rules.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.emrqc.model.DefectClass;
import org.emrqc.model.Finding;
import org.emrqc.model.Severity;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

class ShadowComparisonTest {

    private static Finding f(String rule, String enc, String implicated, Severity s, String detail, String version) {
        return new Finding(rule, rule, DefectClass.UNTIMELY, s, 5, false, "Patient/p", enc, List.of(implicated), List.of(), Map.of(), List.of(),
                detail, detail, null, null, null, version, "CN-GD", rule + implicated + version);
    }

    @Test
    void countsAndExamplesPerRule() {
        List<Finding> active = List.of(
                f("A", "Encounter/1", "Composition/x", Severity.MODERATE, "late 30 h", "core@1"),
                f("A", "Encounter/2", "Composition/y", Severity.MODERATE, "late 31 h", "core@1"),
                f("B", "Encounter/1", "Condition/c", Severity.LOW, "uncoded", "core@1"),
                f("C", "Encounter/3", "Observation/o", Severity.LOW, "range", "core@1"));
        List<Finding> candidate = List.of(
                f("A", "Encounter/1", "Composition/x", Severity.MODERATE, "late 30 h", "core@2"),
                f("A", "Encounter/3", "Composition/z", Severity.MODERATE, "late 13 h", "core@2"),
                f("A", "Encounter/4", "Composition/w", Severity.MODERATE, "late 14 h", "core@2"),
                f("B", "Encounter/1", "Condition/c", Severity.HIGH, "uncoded", "core@2"),
                f("C", "Encounter/3", "Observation/o", Severity.LOW, "range", "core@2"));
        ShadowComparison s = ShadowComparison.compare(active, candidate);
        assertEquals(4, s.records());
        assertEquals(4, s.activeFindings());
        assertEquals(5, s.candidateFindings());
        assertEquals(2, s.added());
        assertEquals(1, s.removed());
        assertEquals(1, s.changed());
        assertEquals(2, s.unchanged());
        assertEquals(new ShadowComparison.RuleDelta("A", 2, 3, 2, 1, 0, 1,
                List.of(new ShadowComparison.Example("Encounter/3", List.of("Composition/z"), "moderate", "late 13 h"),
                        new ShadowComparison.Example("Encounter/4", List.of("Composition/w"), "moderate", "late 14 h")),
                List.of(new ShadowComparison.Example("Encounter/2", List.of("Composition/y"), "moderate", "late 31 h")), List.of()), s.rules().get(0));
        assertEquals(new ShadowComparison.RuleDelta("B", 1, 1, 0, 0, 1, 0, List.of(), List.of(),
                List.of(new ShadowComparison.Example("Encounter/1", List.of("Condition/c"), "high", "uncoded"))), s.rules().get(1));
        assertEquals(List.of("A", "B"), s.differences().stream().map(ShadowComparison.RuleDelta::rule).toList());
        assertEquals(1, ShadowComparison.compare(Map.of("r1", active), Map.of("r1", candidate), 1).rules().get(0).addedExamples().size());
    }

    @Test
    void candidateWithAShorterLimitOnARealRecord() {
        RulePack active = PackLoader.load(AdminPacks.core().source());
        RulePack candidate = PackLoader.load(OverlayEditor.of(AdminPacks.core()).param("CN-GD", "TIM-ATT-ROUND", "limitHours", 12).archive().source());
        FixtureRunner.Case c = new FixtureRunner.Case("TIM-ATT-ROUND", "CN-GD", "records/untimely/attending-first-round-signed-23h-after-admission.json",
                false, null, null, null, "test");
        List<Finding> a = new FixtureRunner(active, new RuleBaseCache()).run(c).findings();
        List<Finding> b = new FixtureRunner(candidate, new RuleBaseCache()).run(c).findings();
        ShadowComparison s = ShadowComparison.compare(a, b);
        assertEquals(1, s.added());
        assertEquals(0, s.removed());
        ShadowComparison.RuleDelta d = s.differences().get(0);
        assertEquals("TIM-ATT-ROUND", d.rule());
        assertEquals(1, d.added());
        assertEquals(List.of("Composition/round1"), d.addedExamples().get(0).implicated());
        System.out.println("shadow example: " + d.addedExamples().get(0));
    }
}
