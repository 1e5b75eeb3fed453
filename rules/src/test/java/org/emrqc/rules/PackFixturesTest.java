package org.emrqc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.engine.RuleBaseCache;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule of the core pack against its fixtures: it fires where it must (on the named resource, with its
 *  defect class and severity) and stays silent where it must. */
class PackFixturesTest {
    /** The structuring stage as bin/emrqc builds it: shipped lexicon + the pack's drug names. */
    private static final org.emrqc.extractor.NarrativeStage STAGE = new org.emrqc.extractor.NarrativeStage(
            new org.emrqc.extractor.offline.OfflineExtractor(),
            org.emrqc.extractor.terminology.DictionaryTerminology.combine(java.util.List.of(
                    org.emrqc.extractor.terminology.TsvTerminology.shipped(),
                    org.emrqc.extractor.terminology.Concepts.medicationsFromIngredientNames(
                            TestPacks.core().knowledge().get("ingredient-names").rows().stream().map(org.emrqc.rules.pack.Row::values).toList()))));
    private static final FixtureRunner RUNNER = new FixtureRunner(TestPacks.core(), new RuleBaseCache(), STAGE::apply);

    @TestFactory
    Stream<DynamicTest> everyFixtureCase() {
        return RUNNER.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            FixtureRunner.Outcome o = RUNNER.run(c);
            assertTrue(o.passed(), o.failure());
        }));
    }

    @Test
    void everyRuleHasFiringAndSilentFixtures() {
        Map<String, String> gaps = RUNNER.coverageGaps();
        assertEquals(Map.of(), gaps, "rules without fixtures");
    }

    @Test
    void cleanChineseStayIsSilentInEveryChineseRegion() {
        for (String region : List.of("CN", "CN-GD", "CN-BJ")) {
            FixtureRunner.Case c = new FixtureRunner.Case("INC-ADM-MISSING", region, "records/cn/inpatient-appendectomy-complete-and-on-time.json", false, null, null, null, "test");
            FixtureRunner.Outcome o = RUNNER.run(c);
            assertEquals(List.of(), o.findings().stream().map(f -> f.ruleId() + " " + f.implicated() + " " + f.detailEn()).toList(), region);
        }
    }

    @Test
    void cleanUsStayIsSilent() {
        FixtureRunner.Case c = new FixtureRunner.Case("INC-US-DS-MISSING", "US", "records/us/inpatient-chest-pain-complete-and-on-time.json", false, null, null, null, "test");
        FixtureRunner.Outcome o = RUNNER.run(c);
        assertEquals(List.of(), o.findings().stream().map(f -> f.ruleId() + " " + f.implicated() + " " + f.detailEn()).toList());
    }
}
