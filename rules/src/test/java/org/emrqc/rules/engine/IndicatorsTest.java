package org.emrqc.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.IndicatorResult;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.junit.jupiter.api.Test;

/** A record's place in the national indicators: denominator with why and refs, numerator from its findings. */
class IndicatorsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Map<String, IndicatorResult> indicators(String fixture) throws Exception {
        byte[] bytes = Files.readAllBytes(TestPacks.CORE_DIR.resolve("fixtures/records/" + fixture));
        ParsedInput in = new FhirInputReader().parse(fixture, bytes);
        PatientRecord record = new RecordAssembler(SHANGHAI).assemble(in.source(), in.entries()).get(0);
        RecordResult result = new RecordEvaluator().evaluate(TestPacks.compiled("CN"), record, FixtureRunner.AS_OF, "CN", SHANGHAI);
        List<IndicatorResult> list = Indicators.evaluate(EffectiveRuleSet.of(TestPacks.core(), "CN"), record, result.findings(), SHANGHAI);
        return list.stream().collect(Collectors.toMap(IndicatorResult::code, Function.identity()));
    }

    @Test
    void aTransfusionWithoutItsRecordIsOutOfTheBloodUseNumerator() throws Exception {
        Map<String, IndicatorResult> r = indicators("results/transfusion-without-transfusion-record.json");
        IndicatorResult blood = r.get("MER-D&T-06");
        assertEquals(16, blood.number());
        assertEquals("输注去白细胞悬浮红细胞2U（2025-03-03 10:00）", blood.why().zh());
        assertEquals(List.of("ServiceRequest/tx1"), blood.refs());
        assertFalse(blood.inNumerator());
        assertEquals(List.of("INC-TRANSF-RECORD"), blood.deciding());
        // the consent is there: 知情同意书规范签署率 counts the record
        assertTrue(r.get("MER-TQ-08").inNumerator());
        // a finished stay: rounds and copying
        assertEquals("住院患者，2025-03-10 10:00出院", r.get("MER-D&T-07").why().zh());
        assertTrue(r.get("MER-TQ-07").occurrence());
        assertFalse(r.get("MER-TQ-07").inNumerator(), "no copying found");
        assertFalse(r.containsKey("MER-D&T-04"), "no operation in this stay");
    }

    @Test
    void aTransfusionRecordedInADailyNoteConforms() throws Exception {
        IndicatorResult blood = indicators("results/transfusion-recorded-in-daily-note.json").get("MER-D&T-06");
        assertTrue(blood.inNumerator());
        assertEquals(List.of(), blood.deciding());
    }

    @Test
    void ctOrderAndReportBothPutTheRecordInTheDenominator() throws Exception {
        IndicatorResult ct = indicators("results/chest-ct-ordered-report-based-on-order-discussed.json").get("MER-ME-01");
        assertEquals(List.of("ServiceRequest/ct1", "DiagnosticReport/ctr1"), ct.refs());
        assertTrue(ct.inNumerator());
        IndicatorResult unread = indicators("results/chest-ct-report-not-discussed-in-later-note.json").get("MER-ME-01");
        assertFalse(unread.inNumerator());
        assertEquals(List.of("INC-NOTE-CT-MRI"), unread.deciding());
        assertFalse(indicators("results/procalcitonin-ordered-without-report.json").containsKey("MER-ME-01"), "PCT is not a CT");
    }

    @Test
    void theIndicatorsOfARegionAreThoseWithAnEnabledRule() {
        List<Indicators.Indicator> cn = Indicators.computed(EffectiveRuleSet.of(TestPacks.core(), "CN"));
        assertEquals(15, cn.size());
        List<Indicators.Indicator> us = Indicators.computed(EffectiveRuleSet.of(TestPacks.core(), "US"));
        assertTrue(us.stream().noneMatch(i -> i.code().equals("MER-ME-01")), "US enables none of the CT/MRI rules");
    }
}
