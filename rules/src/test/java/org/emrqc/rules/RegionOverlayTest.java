package org.emrqc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Severity;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.junit.jupiter.api.Test;

/** What the regional overlays change, and where each setting comes from. */
class RegionOverlayTest {
    private static EffectiveRule rule(String region, String id) {
        return EffectiveRuleSet.of(TestPacks.core(), region).rules().get(id);
    }

    @Test
    void chainsRunFromBaseToTheMostSpecificRegion() {
        assertEquals("CN-GD → CN → base", EffectiveRuleSet.of(TestPacks.core(), "CN-GD").chainLabel());
        assertEquals("US → base", EffectiveRuleSet.of(TestPacks.core(), "US").chainLabel());
        assertEquals("base", EffectiveRuleSet.of(TestPacks.core(), "base").chainLabel());
    }

    @Test
    void aRegionWithoutAnOverlayFallsBackToItsParent() {
        EffectiveRuleSet ma = EffectiveRuleSet.of(TestPacks.core(), "US-MA");
        assertEquals("US", ma.resolvedRegion());
        assertEquals("US-MA", ma.requested());
        assertEquals(EffectiveRuleSet.of(TestPacks.core(), "US").enabled().size(), ma.enabled().size());
        assertEquals("CN-GD", EffectiveRuleSet.of(TestPacks.core(), "CN-GD-SZ").resolvedRegion());
        assertEquals("base", EffectiveRuleSet.of(TestPacks.core(), "FR").resolvedRegion());
    }

    @Test
    void attendingRoundLimitIs24HoursInGuangdongAnd48Nationally() {
        EffectiveRule cn = rule("CN", "TIM-ATT-ROUND");
        EffectiveRule gd = rule("CN-GD", "TIM-ATT-ROUND");
        assertEquals(48, cn.params().get("limitHours"));
        assertEquals("pack", cn.origins().get("params.limitHours"));
        assertEquals(24, gd.params().get("limitHours"));
        assertEquals("CN-GD", gd.origins().get("params.limitHours"));
        assertEquals(5.0, gd.points());
    }

    @Test
    void seniorRoundIsOffNationallyAndDiffersBetweenProvinces() {
        assertFalse(rule("CN", "TIM-SENIOR-ROUND").enabled());
        assertEquals(72, rule("CN-GD", "TIM-SENIOR-ROUND").params().get("limitHours"));
        assertEquals(168, rule("CN-BJ", "TIM-SENIOR-ROUND").params().get("limitHours"));
        assertEquals(3.0, rule("CN-BJ", "TIM-SENIOR-ROUND").points());
        assertEquals("CN-GD", rule("CN-GD", "TIM-SENIOR-ROUND").origins().get("enabled"));
    }

    @Test
    void lateAdmissionRecordIsAVetoOnlyInGuangdong() {
        assertEquals(Severity.MODERATE, rule("CN", "TIM-ADM-24H").severity());
        assertFalse(rule("CN", "TIM-ADM-24H").veto());
        assertEquals(Severity.HIGH, rule("CN-GD", "TIM-ADM-24H").severity());
        assertTrue(rule("CN-GD", "TIM-ADM-24H").veto());
        assertEquals("CN-GD", rule("CN-GD", "TIM-ADM-24H").origins().get("veto"));
    }

    @Test
    void beijingDisablesLabWithoutDiagnosisAndChangesPointsAndGrades() {
        assertTrue(rule("CN", "UNR-LAB-NO-DX").enabled());
        assertFalse(rule("CN-BJ", "UNR-LAB-NO-DX").enabled());
        assertEquals("CN-BJ (disabled)", rule("CN-BJ", "UNR-LAB-NO-DX").origins().get("enabled"));
        assertEquals(5.0, rule("CN-BJ", "TIM-FPN-8H").points());
        assertEquals(10.0, rule("CN", "TIM-FPN-8H").points());
        assertEquals("乙", EffectiveRuleSet.of(TestPacks.core(), "CN").scoring().gradeFor(78, false));
        assertEquals("丙", EffectiveRuleSet.of(TestPacks.core(), "CN-BJ").scoring().gradeFor(78, false));
    }

    @Test
    void departmentScopeIsSetByOverlays() {
        assertTrue(rule("CN", "UNR-AGE-MARITAL").departments().admits("peds", "儿科"));
        assertFalse(rule("CN-GD", "UNR-AGE-MARITAL").departments().admits("peds", "儿科"));
        assertTrue(rule("CN-GD", "UNR-AGE-MARITAL").departments().admits("ortho", "骨科"));
        assertFalse(rule("CN", "INC-FS-NEWBORN-WT").departments().admits("ortho", "骨科"));
    }

    @Test
    void chineseDocumentRulesAreNotInTheUsAndUsRulesNotInChina() {
        assertFalse(rule("US", "TIM-ADM-24H").enabled());
        assertTrue(rule("US", "TIM-US-HP-24H").enabled());
        assertFalse(rule("CN", "TIM-US-HP-24H").enabled());
        assertEquals(false, rule("US", "UNR-LAB-NO-DX").params().get("sameEncounter"));
        assertEquals("zh", EffectiveRuleSet.of(TestPacks.core(), "CN-GD").language());
        assertEquals("en", EffectiveRuleSet.of(TestPacks.core(), "US").language());
    }

    @Test
    void overlayKnowledgeRowsAreAddedOnlyInTheirRegion() {
        EffectiveRuleSet gd = EffectiveRuleSet.of(TestPacks.core(), "CN-GD");
        EffectiveRuleSet cn = EffectiveRuleSet.of(TestPacks.core(), "CN");
        assertEquals("admission-record", gd.knowledge().row("document-types", "title", "入院记录（表格式）").str("kind"));
        assertEquals(List.of(), cn.knowledge().rows("document-types", "title", "入院记录（表格式）"));
        assertEquals(cn.knowledge().instanceCount() + 2, gd.knowledge().instanceCount());
        DocumentFact d = new DocumentFact("Composition", "x");
        d.setTitle("入院记录（表格式）");
        assertEquals(null, d.getKind());
    }
}
