package org.emrqc.rules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.MentionFact;
import org.emrqc.model.PatientFact;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.engine.RecordContext;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.Knowledge;
import org.junit.jupiter.api.Test;

/** The comparisons the text rules rest on, apart from the engine. */
class TextChecksTest {
    private static final Knowledge KB = EffectiveRuleSet.of(TestPacks.core(), "CN").knowledge();

    private static long at(String iso) { return Instant.parse(iso).toEpochMilli(); }

    private static MentionFact statement(String doc, String attribute, String normalized, String text, int start) {
        MentionFact m = new MentionFact("Composition", doc, "statement", text, start, start + text.length());
        m.setAttribute(attribute);
        m.setNormalized(normalized);
        m.setEncounterId("enc1");
        m.setPatientId("p1");
        return m;
    }

    private static DocumentFact doc(String id, String kind, String date) {
        DocumentFact d = new DocumentFact("Composition", id);
        d.setKind(kind);
        d.setTitle(kind);
        d.setEncounterId("enc1");
        if (date != null) d.setDate(at(date));
        return d;
    }

    @Test
    void diagnosisItemsReducedToWhatTheyName() {
        assertEquals("高血压", DiagnosisTerms.core("高血压病3级(极高危)", KB));
        assertEquals("高血压", DiagnosisTerms.core("6.高血压 3级，极高危", KB));
        assertEquals("肺腺癌", DiagnosisTerms.core("肺腺癌IV期(骨转移)", KB));
        assertEquals("急性支气管炎", DiagnosisTerms.core("急性支气管炎？", KB));
        assertEquals("心房颤动", DiagnosisTerms.core("房颤", KB));
        assertEquals("2型糖尿病", DiagnosisTerms.core("Ⅱ型糖尿病", KB));
        assertTrue(DiagnosisTerms.same("2型糖尿病", "糖尿病", KB), "one within the other");
        assertFalse(DiagnosisTerms.same("心房颤动", "窦性心律失常", KB));
        assertTrue(DiagnosisTerms.uncertain("腹痛待查"));
        assertTrue(DiagnosisTerms.symptom("腹痛待查", KB));
        assertFalse(DiagnosisTerms.symptom("急性阑尾炎", KB));
    }

    @Test
    void obstetricHistoriesThatCannotBothBeTrue() {
        assertTrue(IdentityCheck.obstetricDisagree("G2P1", "G4P3", "孕2产1", "孕4产3"));
        assertFalse(IdentityCheck.obstetricDisagree("G2P1", "G2P2", "孕2产1", "孕2产2"), "a delivery during the stay");
        assertFalse(IdentityCheck.obstetricDisagree("G2P1", "G3P1", "足月产1早产0流产1存活1", "孕3产1"), "counted without the pregnancy in course");
        assertTrue(IdentityCheck.obstetricDisagree("G2P1", "G3P1", "孕2产1", "孕3产1"));
    }

    @Test
    void maritalStatusCodesOfBothSystems() {
        assertEquals("married", IdentityCheck.marital("M"));
        assertEquals("married", IdentityCheck.marital("22"));
        assertEquals("unmarried", IdentityCheck.marital("10"));
        assertNull(IdentityCheck.marital("U"), "v3 U (not currently married) may be divorced or widowed");
        assertNull(IdentityCheck.marital("90"));
    }

    @Test
    void theOutlierIsReportedAgainstTheBestSupportedSide() {
        List<DocumentFact> docs = List.of(doc("adm1", "admission-record", "2025-03-01T12:00:00Z"),
                doc("fpn1", "first-progress-note", "2025-03-01T06:00:00Z"), doc("pre1", "preop-discussion", "2025-03-03T06:00:00Z"));
        List<MentionFact> ages = List.of(statement("adm1", "age", "70", "70岁", 10), statement("fpn1", "age", "70", "70岁", 20),
                statement("pre1", "age", "16", "16岁", 30));
        List<TextFinding> f = IdentityCheck.findings("age", ages, docs, List.of(), List.of(), new RecordContext(0, null), 1, 0);
        assertEquals(1, f.size(), f.toString());
        assertEquals("Composition/pre1", f.get(0).getImplicated().getRef());
        assertEquals(2, f.get(0).getSpans().size(), "both sides quoted");
    }

    @Test
    void agesAgreeWithinAYearAndWithTheBirthDateAtTheNotesDate() {
        PatientFact p = new PatientFact("p1");
        p.setBirthDate(java.time.LocalDate.parse("1980-05-01"));
        List<DocumentFact> docs = List.of(doc("adm1", "admission-record", "2025-03-01T12:00:00Z"), doc("dis1", "discharge-record", "2025-05-10T12:00:00Z"));
        List<MentionFact> ages = List.of(statement("adm1", "age", "44", "44岁", 10), statement("dis1", "age", "45", "45岁", 10));
        assertEquals(List.of(), IdentityCheck.findings("age", ages, docs, List.of(), List.of(), new RecordContext(0, p), 1, 0),
                "44 at admission, 45 at discharge after a birthday");
    }

    @Test
    void calendarDaysAtThePrecisionOfBothTimes() {
        RecordContext shanghai = new RecordContext(0, null, ZoneId.of("Asia/Shanghai"));
        assertTrue(shanghai.sameDay(at("2025-03-05T01:00:00Z"), null, at("2025-03-05T10:00:00Z"), null), "09:00 and 18:00 in Shanghai");
        assertFalse(shanghai.sameDay(at("2025-03-05T01:00:00Z"), null, at("2025-03-05T17:00:00Z"), null), "01:00 the next day in Shanghai");
        RecordContext utc = new RecordContext(0, null);
        assertFalse(utc.sameDay(at("2025-03-01T00:00:00Z"), at("2025-03-31T23:59:59Z"), at("2025-03-05T10:00:00Z"), null), "a month is no day");
    }

    @Test
    void blankDocumentBesideTheWrittenOne() {
        DocumentFact blank = doc("dis2", "discharge-record", "2025-03-10T08:00:00Z");
        blank.getSections().add(new org.emrqc.model.DocumentSection("一般项目", null, "姓名：测试 性别：女"));
        blank.getSections().add(new org.emrqc.model.DocumentSection("出院诊断", null, null));
        blank.getSections().add(new org.emrqc.model.DocumentSection("诊疗经过", null, ""));
        blank.getSections().add(new org.emrqc.model.DocumentSection("出院医嘱", null, "上级医师： 医师：记录时间："));
        blank.setNarrative("一般项目\n姓名：测试 性别：女\n出院诊断\n诊疗经过\n出院医嘱\n上级医师： 医师：记录时间：");
        DocumentFact written = doc("dis1", "discharge-record", "2025-03-10T07:00:00Z");
        written.getSections().add(new org.emrqc.model.DocumentSection("一般项目", null, "姓名：测试 性别：女"));
        written.getSections().add(new org.emrqc.model.DocumentSection("出院诊断", null, "急性阑尾炎"));
        written.getSections().add(new org.emrqc.model.DocumentSection("诊疗经过", null, "行阑尾切除术，恢复好。"));
        written.setNarrative("一般项目\n姓名：测试 性别：女\n出院诊断\n急性阑尾炎\n诊疗经过\n行阑尾切除术，恢复好。");
        List<TextFinding> f = DocumentCheck.blankDuplicates(List.of(written, blank), 2, 50);
        assertEquals(1, f.size());
        assertEquals("Composition/dis2", f.get(0).getImplicated().getRef());
        assertEquals(0, DocumentCheck.content("上级医师： 医师：记录时间："), "labels only");
    }

    @Test
    void templateControlsOnePerDocumentAndTheRegionsIgnoreList() {
        List<DocumentFact> docs = List.of(doc("adm1", "admission-record", "2025-03-01T12:00:00Z"));
        List<MentionFact> controls = List.of(statement("adm1", "template-control", "blank", "体重：kg", 40),
                statement("adm1", "template-control", "prompt", "承认或否认", 10), statement("adm1", "template-control", "blank", "T：℃", 30));
        List<TextFinding> all = DocumentCheck.unfilledControls(controls, docs, 8, List.of("none"));
        assertEquals(1, all.size());
        assertEquals(3, all.get(0).getSpans().size());
        assertEquals("“承认或否认”、“T：℃”、“体重：kg”", ((org.emrqc.model.Localized) all.get(0).getValues().get("controls")).zh(), "in text order");
        List<TextFinding> some = DocumentCheck.unfilledControls(controls, docs, 8, List.of("体重: kg"));
        assertEquals(2, some.get(0).getSpans().size());
        assertEquals(List.of(), DocumentCheck.unfilledControls(controls.subList(0, 1), docs, 8, List.of("体重：kg")));
    }
}
