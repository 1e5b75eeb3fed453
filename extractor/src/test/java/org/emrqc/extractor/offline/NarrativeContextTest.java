package org.emrqc.extractor.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;
import org.junit.jupiter.api.Test;

/** Section roles (hypothetical sections), chief-complaint statements and allergy substances. */
class NarrativeContextTest {
    /** The test's own terms, not the shipped tables: what is tested is how the text is read. */
    private static final Terminology TERMS = new DictionaryTerminology(List.of(
            dx("急性阑尾炎"), dx("右侧输尿管结石"), dx("甲状腺结节"), dx("肺结节"), dx("乳癌"), dx("肺结核"),
            sx("腹痛"), sx("发热"), sx("恶心"), sx("咳嗽")));

    private static Concept dx(String term) {
        return new Concept(term, "diagnosis", List.of(new Coding("urn:test", term, term)), "test", null, java.util.Map.of());
    }

    private static Concept sx(String term) {
        return new Concept(term, "symptom", List.of(new Coding("urn:test", term, term)), "test", null, java.util.Map.of());
    }

    private static List<MentionFact> extract(String text) {
        return new OfflineExtractor().extract(new NarrativeDocument("Composition", "d", "p1", "e1", "zh", text), TERMS).mentions();
    }

    private static List<String> statements(String text) {
        return extract(text).stream().filter(m -> "statement".equals(m.getKind()))
                .map(m -> m.getAttribute() + "=" + m.getNormalized() + "'" + m.getText() + "'@" + m.getStart()).toList();
    }

    @Test
    void differentialBasisAndPlanAreHypothetical() {
        String t = "病例特点：右下腹痛3天，急性阑尾炎。\n诊断依据：转移性右下腹痛。\n鉴别诊断：右侧输尿管结石：无血尿。\n诊疗计划：如出现发热，复查血常规。";
        List<MentionFact> ms = extract(t);
        MentionFact app = ms.stream().filter(m -> m.getText().equals("急性阑尾炎")).findFirst().orElseThrow();
        assertEquals("case-features", app.getSection());
        assertTrue(app.isAffirmed());
        MentionFact basis = ms.stream().filter(m -> m.getText().equals("腹痛") && "diagnostic-basis".equals(m.getSection())).findFirst().orElseThrow();
        assertTrue(basis.isHypothetical());
        MentionFact stone = ms.stream().filter(m -> m.getText().equals("右侧输尿管结石")).findFirst().orElseThrow();
        assertEquals("differential-diagnosis", stone.getSection());
        assertEquals(t.indexOf("右侧输尿管结石"), stone.getStart());
        assertTrue(stone.isHypothetical());
        assertFalse(stone.isAffirmed());
        MentionFact fever = ms.stream().filter(m -> m.getText().equals("发热")).findFirst().orElseThrow();
        assertTrue(fever.isHypothetical());
    }

    @Test
    void theDifferentialPartOfADiscussion() {
        String t = "拟诊讨论：患者右下腹痛3天，诊断急性阑尾炎明确。需与以下疾病鉴别：1.右侧输尿管结石：可有腹痛。2.肺结核。";
        List<MentionFact> ms = extract(t);
        assertTrue(ms.stream().filter(m -> m.getText().equals("急性阑尾炎")).findFirst().orElseThrow().isAffirmed());
        assertTrue(ms.stream().filter(m -> m.getText().equals("腹痛")).findFirst().orElseThrow().isAffirmed(), "before the differential");
        for (MentionFact m : ms) if (m.getStart() > t.indexOf("鉴别") && !"statement".equals(m.getKind())) assertTrue(m.isHypothetical(), m.toString());
    }

    @Test
    void chiefComplaintFormsAndDurations() {
        assertEquals(List.of("complaint-form=finding'发现'@3", "complaint-duration=30'1月'@10"), statements("主诉：发现甲状腺结节1月"));
        assertEquals(List.of("complaint-form=finding'体检发现'@3", "complaint-duration=3'3天'@10"), statements("主诉：体检发现肺结节3天"));
        assertEquals(List.of("complaint-form=status-post'术后'@6", "complaint-duration=730'2年'@8", "complaint-form=treatment'化疗'@11"),
                statements("主诉：左乳癌术后2年，化疗第3周期"));
        assertEquals(List.of("complaint-form=finding'发现'@4"), statements("主诉：超发现甲状腺结节"), "no duration");
        assertEquals(List.of(), statements("主诉：腹痛"));
        assertEquals(List.of("complaint-duration=null'数年'@7"), statements("主诉：反复咳嗽数年"));
        assertEquals(List.of("complaint-duration=3'3天'@8"), statements("主诉：急性阑尾炎3天"));
    }

    @Test
    void allergySubstanceWithoutTheWordsBeforeIt() {
        String t = "既往史：既往有青霉素过敏史，有药物过敏史，其母对头孢过敏。";
        List<MentionFact> ms = extract(t).stream().filter(m -> "allergy".equals(m.getKind())).toList();
        assertEquals(List.of("青霉素@7"), ms.stream().map(m -> m.getText() + "@" + m.getStart()).toList(),
                "a category names no substance; the mother's allergy is not the patient's");
    }
}
