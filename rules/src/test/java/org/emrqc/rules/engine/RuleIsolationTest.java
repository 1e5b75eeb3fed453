package org.emrqc.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emrqc.model.Finding;
import org.emrqc.model.PatientFact;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.model.RuleNotice;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

/**
 * No rule can fail a record: the core pack plus two rules that throw — one in its consequence, one in its
 * conditions — still gives every other rule's findings, and names the two as not evaluated.
 */
class RuleIsolationTest {
    private static final String THROWS_IN_CONSEQUENCE = """
            // test: the consequence divides by zero when the patient id starts with "p"
            rule "@{ruleId}"
            when
                $p : PatientFact( )
            then
                hits.fire("@{ruleId}", $p).value("x", 1 / $p.getId().indexOf("p"));
            end
            """;
    private static final String THROWS_IN_CONDITION = """
            // test: the condition parses an id that is not a number
            rule "@{ruleId}"
            when
                $p : PatientFact( Integer.parseInt(id) > 0 )
            then
                hits.fire("@{ruleId}", $p);
            end
            """;
    private static final String RULES = """
            rules:
              - id: TEST-THROWS-THEN
                class: incomplete
                template: throws-in-consequence
                title: {en: "test", zh: "测试"}
                severity: low
                points: 1
                message: {en: "test", zh: "测试"}
              - id: TEST-THROWS-WHEN
                class: incomplete
                template: throws-in-condition
                title: {en: "test", zh: "测试"}
                severity: low
                points: 1
                message: {en: "test", zh: "测试"}
            """;

    private static RulePack packWithThrowingRules() {
        PackArchive core = PackArchive.of(TestPacks.CORE_DIR);
        Map<String, byte[]> files = new TreeMap<>(core.files());
        files.put("templates/throws-in-consequence.drl", THROWS_IN_CONSEQUENCE.getBytes());
        files.put("templates/throws-in-condition.drl", THROWS_IN_CONDITION.getBytes());
        files.put("rules/test.yaml", RULES.getBytes());
        String pack = new String(files.get("pack.yaml"))
                .replace("templates:\n", "templates:\n  - templates/throws-in-consequence.drl\n  - templates/throws-in-condition.drl\n")
                .replace("rules:\n  - rules/incomplete.yaml", "rules:\n  - rules/test.yaml\n  - rules/incomplete.yaml");
        files.put("pack.yaml", pack.getBytes());
        String base = new String(files.get("regions/base.yaml")).replace("enable:\n", "enable:\n  - TEST-THROWS-THEN\n  - TEST-THROWS-WHEN\n");
        files.put("regions/base.yaml", base.getBytes());
        return PackLoader.load(PackArchive.of(files).source());
    }

    @Test
    void aThrowingRuleCostsThatRuleOnlyAndIsNamedAsNotEvaluated() {
        RulePack pack = packWithThrowingRules();
        CompiledRuleBase base = new RuleBaseCache().get(pack, "CN");
        PatientRecord r = new PatientRecord("p", new PatientFact("p1"));
        r.add(r.getPatient());
        RecordResult res = new RecordEvaluator().evaluate(base, r, 0L, "CN");

        // every other rule's findings are there, as without the throwing rules
        assertEquals(List.of("INC-PAT-BIRTHDATE", "INC-PAT-SEX"), res.findings().stream().map(Finding::ruleId).sorted().toList());
        assertEquals(96.0, res.score());
        // the two throwing rules are reported, with the exception class and where it was thrown
        Map<String, RuleNotice> notices = new TreeMap<>();
        for (RuleNotice n : res.notices()) notices.put(n.ruleId(), n);
        assertEquals(List.of("TEST-THROWS-THEN", "TEST-THROWS-WHEN"), List.copyOf(notices.keySet()));
        assertEquals(RuleNotice.Kind.NOT_EVALUATED, notices.get("TEST-THROWS-THEN").kind());
        assertTrue(notices.get("TEST-THROWS-THEN").reason().startsWith("ArithmeticException"), notices.get("TEST-THROWS-THEN").reason());
        assertTrue(notices.get("TEST-THROWS-WHEN").reason().startsWith("NumberFormatException"), notices.get("TEST-THROWS-WHEN").reason());
        assertEquals(res.notEvaluated(), res.notices());

        // the next record on the same rule base: the same, from the cached base without the failing rule
        RecordResult again = new RecordEvaluator().evaluate(base, r, 0L, "CN");
        assertEquals(res.findings().stream().map(Finding::stableId).toList(), again.findings().stream().map(Finding::stableId).toList());
        assertEquals(2, again.notices().size());
    }

    @Test
    void aRecordOnWhichNoRuleThrowsHasNoNotices() {
        RulePack pack = packWithThrowingRules();
        PatientFact p = new PatientFact("12");
        p.setGender("female");
        PatientRecord r = new PatientRecord("p", p);
        r.add(p);
        RecordResult res = new RecordEvaluator().evaluate(new RuleBaseCache().get(pack, "base"), r, 0L, "base");
        // id "12" parses, and has no "p": neither rule throws
        assertEquals(List.of(), res.notices());
        assertEquals(List.of("INC-PAT-BIRTHDATE", "TEST-THROWS-THEN", "TEST-THROWS-WHEN"), res.findings().stream().map(Finding::ruleId).sorted().toList());
    }
}
