package org.emrqc.rules.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.emrqc.model.Severity;
import org.emrqc.rules.pack.DepartmentScope;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

class OverlayEditorTest {
    private static final PackArchive CORE = AdminPacks.core();

    private static EffectiveRule rule(PackArchive a, String region, String rule) {
        RulePack p = PackLoader.load(a.source());
        return EffectiveRuleSet.of(p, region).rules().get(rule);
    }

    @Test
    void limitHoursInGuangdongChangesOneLineAndTheEffectiveRule() {
        assertEquals(24, rule(CORE, "CN-GD", "TIM-ATT-ROUND").params().get("limitHours"));
        PackArchive edited = OverlayEditor.of(CORE).param("CN-GD", "TIM-ATT-ROUND", "limitHours", 12).archive();
        EffectiveRule r = rule(edited, "CN-GD", "TIM-ATT-ROUND");
        assertEquals(12, r.params().get("limitHours"));
        assertEquals("CN-GD", r.origins().get("params.limitHours"));
        assertEquals(48, rule(edited, "CN", "TIM-ATT-ROUND").params().get("limitHours"));
        assertEquals(CORE.text("regions/CN-GD.yaml").replace("params: {limitHours: 24}", "params: {limitHours: 12}"), edited.text("regions/CN-GD.yaml"));
        for (String p : CORE.paths()) if (!p.equals("regions/CN-GD.yaml")) assertEquals(CORE.text(p), edited.text(p), p);
    }

    @Test
    void textFromAFormIsCoercedToTheParametersKind() {
        PackArchive edited = OverlayEditor.of(CORE).param("CN-GD", "TIM-ATT-ROUND", "limitHours", "12").archive();
        assertEquals(12, rule(edited, "CN-GD", "TIM-ATT-ROUND").params().get("limitHours"));
    }

    @Test
    void noEditGivesTheSameArchive() {
        OverlayEditor e = OverlayEditor.of(CORE);
        for (String region : e.regions()) e.inheritEnabled(region, "INC-PAT-SEX");
        // base enables INC-PAT-SEX: put it back, every file (comments, flow maps, the comment inside base's list) is as it was
        PackArchive back = OverlayEditor.of(e.archive()).enable("base", "INC-PAT-SEX").archive();
        assertEquals(CORE.text("regions/CN.yaml"), back.text("regions/CN.yaml"));
        assertTrue(back.text("regions/base.yaml").contains("  # narrative (structuring stage)\n  - CNS-ALLERGY-TEXT\n"), back.text("regions/base.yaml"));
        assertEquals(CORE.text("regions/base.yaml").replace("  - INC-PAT-SEX\n", "") .replace("  - UNR-NARR-VITALS\n", "  - UNR-NARR-VITALS\n  - INC-PAT-SEX\n"),
                back.text("regions/base.yaml"));
    }

    @Test
    void everySettingOfARuleInAProvince() {
        PackArchive edited = OverlayEditor.of(CORE)
                .severity("CN-BJ", "TIM-FPN-8H", "high")
                .points("CN-BJ", "TIM-FPN-8H", 2.5)
                .veto("CN-BJ", "TIM-FPN-8H", true)
                .departments("CN-BJ", "TIM-FPN-8H", new DepartmentScope(List.of("内科"), List.of("急诊科")))
                .disable("CN-BJ", "TIM-ATT-ROUND")
                .archive();
        EffectiveRule r = rule(edited, "CN-BJ", "TIM-FPN-8H");
        assertEquals(Severity.HIGH, r.severity());
        assertEquals(2.5, r.points());
        assertTrue(r.veto());
        assertEquals(new DepartmentScope(List.of("内科"), List.of("急诊科")), r.departments());
        for (String k : List.of("severity", "points", "veto", "departments")) assertEquals("CN-BJ", r.origins().get(k), k);
        assertFalse(rule(edited, "CN-BJ", "TIM-ATT-ROUND").enabled());
        assertEquals("CN-BJ (disabled)", rule(edited, "CN-BJ", "TIM-ATT-ROUND").origins().get("enabled"));
        assertTrue(edited.text("regions/CN-BJ.yaml").contains("""
                  TIM-FPN-8H:
                    severity: high
                    points: 2.5
                    veto: true
                    departments: {include: [内科], exclude: [急诊科]}
                """), edited.text("regions/CN-BJ.yaml"));
        assertTrue(edited.text("regions/CN-BJ.yaml").contains("disable:\n  - UNR-LAB-NO-DX\n  - UNR-LAB-NO-ADM-DX\n  - TIM-ATT-ROUND\n"), edited.text("regions/CN-BJ.yaml"));
    }

    @Test
    void hospitalRegionUnderItsProvince() {
        PackArchive edited = OverlayEditor.of(CORE)
                .addRegion("CN-GD-H001", "CN-GD", "Hospital 001", "第一医院")
                .param("CN-GD-H001", "TIM-ATT-ROUND", "limitHours", 12)
                .disable("CN-GD-H001", "UNR-AGE-MARITAL")
                .archive();
        assertEquals("""
                # CN-GD-H001: overlay on CN-GD, created in the rule-pack administration.
                region: "CN-GD-H001"
                parent: "CN-GD"
                name: {en: "Hospital 001", zh: "第一医院"}
                disable:
                  - UNR-AGE-MARITAL
                rules:
                  TIM-ATT-ROUND:
                    params: {limitHours: 12}
                """, edited.text("regions/CN-GD-H001.yaml"));
        assertTrue(edited.text("pack.yaml").contains("  - regions/US.yaml\n  - regions/CN-GD-H001.yaml\n"));
        RulePack p = PackLoader.load(edited.source());
        EffectiveRuleSet h = EffectiveRuleSet.of(p, "CN-GD-H001");
        assertEquals("CN-GD-H001 → CN-GD → CN → base", h.chainLabel());
        EffectiveRule r = h.rules().get("TIM-ATT-ROUND");
        assertEquals(12, r.params().get("limitHours"));
        assertEquals("CN-GD-H001", r.origins().get("params.limitHours"));
        assertEquals("CN-GD", r.origins().get("points"));
        assertFalse(h.rules().get("UNR-AGE-MARITAL").enabled());
        assertEquals(24, EffectiveRuleSet.of(p, "CN-GD").rules().get("TIM-ATT-ROUND").params().get("limitHours"));
        assertEquals(List.of("CN-GD-H001"), OverlayEditor.of(edited).descendants("CN-GD"));
        assertEquals(List.of("CN-BJ", "CN-GD", "CN-GD-H001"), OverlayEditor.of(edited).descendants("CN"));
    }

    @Test
    void ruleEditFromTheConsoleWithClears() {
        PackArchive a = OverlayEditor.of(CORE).apply(new OverlayEditor.RuleEdit("CN-GD", "TIM-ATT-ROUND", null, Map.of("limitHours", 36),
                "low", null, null, null, List.of("points"))).archive();
        EffectiveRule r = rule(a, "CN-GD", "TIM-ATT-ROUND");
        assertEquals(36, r.params().get("limitHours"));
        assertEquals(Severity.LOW, r.severity());
        assertEquals("pack", r.origins().get("points"));
        PackArchive b = OverlayEditor.of(a).apply(new OverlayEditor.RuleEdit("CN-GD", "TIM-ATT-ROUND", null, null, null, null, null, null,
                List.of("params.limitHours", "severity"))).archive();
        assertEquals(48, rule(b, "CN-GD", "TIM-ATT-ROUND").params().get("limitHours"));
        assertFalse(b.text("regions/CN-GD.yaml").contains("TIM-ATT-ROUND"), b.text("regions/CN-GD.yaml"));
    }

    @Test
    void badEditsAreRefusedWithTheReason() {
        OverlayEditor e = OverlayEditor.of(CORE);
        assertEquals("rule 'TIM-NOPE' is not defined in the pack",
                assertThrows(InvalidEditException.class, () -> e.param("CN-GD", "TIM-NOPE", "limitHours", 1)).getMessage());
        assertEquals("rule TIM-ATT-ROUND has no parameter 'limitHour' (it has [kinds, limitHours, waivedBy])",
                assertThrows(InvalidEditException.class, () -> e.param("CN-GD", "TIM-ATT-ROUND", "limitHour", 1)).getMessage());
        assertEquals("rule TIM-ATT-ROUND: parameter limitHours takes a number, not 'soon'",
                assertThrows(InvalidEditException.class, () -> e.param("CN-GD", "TIM-ATT-ROUND", "limitHours", "soon")).getMessage());
        assertEquals("rule TIM-ATT-ROUND: severity 'urgent' is not one of high, moderate, low",
                assertThrows(InvalidEditException.class, () -> e.severity("CN-GD", "TIM-ATT-ROUND", "urgent")).getMessage());
        assertEquals("rule TIM-ATT-ROUND: points must be between 0 and 100, not -1.0",
                assertThrows(InvalidEditException.class, () -> e.points("CN-GD", "TIM-ATT-ROUND", -1)).getMessage());
        assertEquals("rule CNS-ALLERGY-TEXT rests on narrative and cannot be made a veto item",
                assertThrows(InvalidEditException.class, () -> e.veto("CN", "CNS-ALLERGY-TEXT", true)).getMessage());
        assertEquals("region 'CN-SH' has no overlay in the pack (regions: base, CN, CN-GD, CN-BJ, US); add it first with a parent",
                assertThrows(InvalidEditException.class, () -> e.enable("CN-SH", "TIM-ATT-ROUND")).getMessage());
        assertEquals("region CN-GD already exists",
                assertThrows(InvalidEditException.class, () -> e.addRegion("cn-gd", "CN", null, null)).getMessage());
        assertEquals("parent region 'CN-XX' is not in the pack (regions: base, CN, CN-GD, CN-BJ, US)",
                assertThrows(InvalidEditException.class, () -> e.addRegion("CN-XX-H1", "CN-XX", null, null)).getMessage());
        assertEquals("region code '../evil' must be letters and digits in parts joined by '-' (e.g. CN-GD-H001)",
                assertThrows(InvalidEditException.class, () -> e.addRegion("../evil", "CN", null, null)).getMessage());
        // nothing above changed the pack
        assertEquals(CORE.sha256(), e.archive().sha256());
    }
}
