package org.emrqc.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.Finding;
import org.emrqc.model.PatientRecord;
import org.emrqc.model.RecordResult;
import org.emrqc.model.RuleNotice;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.check.FixtureRunner;
import org.junit.jupiter.api.Test;

/**
 * When the data cannot decide a deadline (a date without a time on the day after admission), there is no finding and
 * no deduction, but an informational notice that says why, in the record's language, at the data's precision.
 */
class CannotVerifyNoticeTest {
    private static RecordResult check(String fixture) throws Exception {
        Path file = TestPacks.CORE_DIR.resolve("fixtures/records/precision/" + fixture);
        ParsedInput in = new FhirInputReader().parse(file.toString(), Files.readAllBytes(file));
        PatientRecord r = new RecordAssembler(ZoneId.of("Asia/Shanghai")).assemble(in.source(), in.entries()).get(0);
        return new RecordEvaluator().evaluate(TestPacks.compiled("CN"), r, FixtureRunner.AS_OF, "CN", ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void admissionRecordDatedTheNextDayIsNotADefectButCannotBeVerified() throws Exception {
        RecordResult res = check("admission-record-dated-day-after-admission-date-only.json");
        // no deadline finding on the admission record (the stay's six days without a progress note, 6 to 12 March, are
        // a real gap that TIM-PROG-FREQ reports on the discharge day)
        assertEquals(List.of(), res.findings().stream().filter(f -> f.ruleId().startsWith("TIM-") && f.implicated().contains("Composition/adm1"))
                .map(Finding::ruleId).toList());
        assertEquals(List.of("TIM-PROG-FREQ"), res.findings().stream().filter(f -> f.ruleId().startsWith("TIM-")).map(Finding::ruleId).toList());
        List<RuleNotice> tim = res.notices().stream().filter(n -> n.ruleId().equals("TIM-ADM-24H")).toList();
        assertEquals(1, tim.size());
        assertEquals(RuleNotice.Kind.CANNOT_VERIFY, tim.get(0).kind());
        assertEquals("入院记录记录时间仅为2019-03-06（入院时间2019-03-05 16:06），无法判断是否在入院后24小时内完成。", tim.get(0).reason("zh"));
        assertEquals("The admission record is dated 2019-03-06 without a time (admitted 2019-03-05 16:06): whether it was completed within 24 h cannot be verified.",
                tim.get(0).reason("en"));
        assertEquals(100.0 - res.findings().stream().mapToDouble(Finding::points).sum(), res.score());
    }

    @Test
    void noNoticeWhenTheDateDecides() throws Exception {
        // dated the day of admission: certainly within 24 h; dated three days later: a finding, not a notice
        assertEquals(List.of(), check("admission-record-dated-admission-day-date-only.json").notices().stream()
                .filter(n -> n.ruleId().equals("TIM-ADM-24H")).toList());
        RecordResult late = check("admission-record-dated-3-days-after-admission-date-only.json");
        assertEquals(List.of(), late.notices().stream().filter(n -> n.ruleId().equals("TIM-ADM-24H")).toList());
        assertEquals(List.of("Composition/adm1"), late.findings().stream().filter(f -> f.ruleId().equals("TIM-ADM-24H")).findFirst().orElseThrow().implicated());
    }
}
