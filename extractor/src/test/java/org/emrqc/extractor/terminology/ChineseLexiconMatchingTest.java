package org.emrqc.extractor.terminology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.offline.TermMatcher;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;
import org.junit.jupiter.api.Test;

/** The shipped Chinese lexicon in the offline extractor, on short sentences as written in inpatient records. */
class ChineseLexiconMatchingTest {
    static final String ZH = "https://emrqc.org/fhir/CodeSystem/zh-lexicon";
    private final OfflineExtractor extractor = new OfflineExtractor();

    private List<MentionFact> mentions(String text) {
        return mentions(text, TsvTerminology.shipped());
    }

    private List<MentionFact> mentions(String text, Terminology t) {
        List<MentionFact> ms = extractor.extract(new NarrativeDocument("Composition", "c1", "p1", "e1", "zh", text), t).mentions();
        for (MentionFact m : ms) assertEquals(m.getText(), text.substring(m.getStart(), m.getEnd()), "offsets slice the quote");
        return ms;
    }

    /** kind:text@start-end for the dictionary mentions (not vitals or allergy statements). */
    private static List<String> spans(List<MentionFact> ms) {
        return ms.stream().filter(m -> !Set.of("vital", "allergy", "allergy-denial").contains(m.getKind()))
                .map(m -> m.getKind() + ":" + m.getText() + "@" + m.getStart() + "-" + m.getEnd()).toList();
    }

    private static MentionFact at(List<MentionFact> ms, String text) {
        return ms.stream().filter(m -> m.getText().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text + " in " + ms));
    }

    @Test
    void presentIllnessSymptomsWithExactOffsets() {
        List<MentionFact> ms = mentions("患者3天前无明显诱因出现右下腹痛，伴恶心、呕吐");
        assertEquals(List.of("symptom:腹痛@14-16", "symptom:恶心@18-20", "symptom:呕吐@21-23"), spans(ms));
        MentionFact pain = at(ms, "腹痛");
        assertEquals("SYM-0071", pain.code(ZH));
        assertEquals("21522001", pain.code(CodeSystems.SNOMED), "symptoms.tsv names the same term");
        assertFalse(pain.isNegated(), "无明显诱因 does not negate");
        assertFalse(at(ms, "呕吐").isNegated());
    }

    @Test
    void negatedUrinarySymptomsAreThreeMentions() {
        List<MentionFact> ms = mentions("无尿频、尿急、尿痛。");
        assertEquals(List.of("symptom:尿频@1-3", "symptom:尿急@4-6", "symptom:尿痛@7-9"), spans(ms));
        assertTrue(ms.stream().allMatch(MentionFact::isNegated));
    }

    @Test
    void aDrugClassInAnAllergyStatement() {
        String text = "对青霉素类药物过敏";
        List<TermMatcher.Match> found = TermMatcher.of(TsvTerminology.shipped()).find(text);
        assertEquals(2, found.size(), "the class and 药物过敏");
        assertEquals(List.of(1, 5), List.of(found.get(0).start(), found.get(0).end()));
        Concept penicillins = found.get(0).concepts().get(0);
        assertEquals("青霉素类", penicillins.term());
        assertEquals("medication", penicillins.kind());
        assertEquals(new Coding(ZH, "DRG-0003", "青霉素类"), penicillins.codes().get(0));
        assertEquals(Map.of("level", "class", "class", "DRG-0002"), penicillins.attributes());
        List<MentionFact> ms = mentions(text);
        assertEquals(List.of("medication:青霉素类@1-5", "diagnosis:药物过敏@5-9"), spans(ms));
        assertEquals("青霉素", ms.stream().filter(m -> m.getKind().equals("allergy")).findFirst().orElseThrow().getText());
    }

    @Test
    void aDiseaseInAPairedOrganKeepsItsSiteAndSide() {
        List<MentionFact> ms = mentions("左侧卵巢囊肿");
        assertEquals(List.of("diagnosis:卵巢囊肿@2-6"), spans(ms));
        assertEquals("left", ms.get(0).getLaterality());
        Concept cyst = TsvTerminology.shipped().candidates("卵巢囊肿", "diagnosis", 1).get(0).concept();
        assertEquals("ANA-0190", cyst.attribute("site"));
        Concept ovary = TsvTerminology.shipped().candidates("卵巢", "anatomy", 1).get(0).concept();
        assertEquals("ANA-0190", ovary.codes().get(0).getCode());
        assertEquals("ANA-0189", ovary.attribute("part-of"), "附件");
    }

    @Test
    void theAnatomyTableAloneFindsTheOrgan() throws IOException {
        List<Concept> anatomy = TsvTerminology.read(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("emrqc/lexicon/zh-anatomy.tsv"), StandardCharsets.UTF_8), "zh-anatomy.tsv");
        List<TermMatcher.Match> m = new TermMatcher(anatomy).find("左侧卵巢囊肿");
        assertEquals(1, m.size());
        assertEquals(List.of(2, 4, "卵巢"), List.of(m.get(0).start(), m.get(0).end(), m.get(0).concepts().get(0).term()));
        List<MentionFact> ms = mentions("右卵巢切除术后");
        assertEquals(List.of("anatomy:卵巢@1-3"), spans(ms));
        assertEquals("right", ms.get(0).getLaterality());
    }

    @Test
    void chiefComplaintOfABreastLump() {
        List<MentionFact> ms = mentions("主诉：发现左乳肿物1月。");
        MentionFact lump = at(ms, "乳肿物");
        assertEquals(List.of("symptom:乳肿物@6-9"), spans(ms));
        assertEquals("left", lump.getLaterality());
        assertEquals("chief-complaint", lump.getSection());
        assertEquals("1月", lump.getDuration());
        assertEquals("SYM-0175", lump.code(ZH));
    }

    @Test
    void deniedChronicDiseasesInThePastHistory() {
        List<MentionFact> ms = mentions("既往史：否认高血压、糖尿病、冠心病病史。");
        assertEquals(List.of("diagnosis:高血压@6-9", "diagnosis:糖尿病@10-13", "diagnosis:冠心病@14-17"), spans(ms));
        for (MentionFact m : ms) {
            assertTrue(m.isNegated(), m.getText());
            assertTrue(m.isHistorical(), m.getText());
        }
        assertEquals(List.of("DIS-0001", "DIS-0467", "DIS-0006"), ms.stream().map(m -> m.code(ZH)).toList());
    }

    @Test
    void physicalExaminationSigns() {
        List<MentionFact> abdomen = mentions("查体：腹软，右下腹压痛，无反跳痛及肌紧张。");
        assertEquals(List.of("sign:压痛@9-11", "sign:反跳痛@13-16", "sign:肌紧张@17-20"), spans(abdomen));
        assertEquals(List.of(false, true, true), abdomen.stream().map(MentionFact::isNegated).toList());
        List<MentionFact> lungs = mentions("双肺呼吸音粗，未闻及干湿性啰音。");
        assertEquals(List.of("sign:呼吸音粗@2-6", "sign:干湿性啰音@10-15"), spans(lungs));
        assertEquals("SGN-0039", at(lungs, "干湿性啰音").code(ZH), "啰音");
        assertTrue(at(lungs, "干湿性啰音").isNegated());
        List<MentionFact> legs = mentions("双下肢水肿");
        assertEquals(List.of("sign:下肢水肿@1-5"), spans(legs));
        assertEquals("bilateral", legs.get(0).getLaterality());
    }

    @Test
    void drugsHaveNoSideAndGenericWordsStayUnmatched() {
        List<MentionFact> ms = mentions("予左氧氟沙星0.5g静滴。");
        assertEquals(List.of("medication:左氧氟沙星@1-6"), spans(ms));
        assertNull(ms.get(0).getLaterality(), "左 is part of the drug's name");
        assertEquals(List.of("medication:甘露醇@1-4"), spans(mentions("予甘露醇脱水降颅压。")), "脱水 is not a diagnosis here");
        assertEquals(List.of("diagnosis:2型糖尿病肾病@3-10"), spans(mentions("诊断：2型糖尿病肾病")));
    }

    @Test
    void aSynonymCarriesTheRecordsOwnCodes() {
        Coding icd = new Coding(CodeSystems.ICD10_CN, "I10.x00x002", "高血压");
        Terminology record = new DictionaryTerminology(List.of(new Concept("高血压", "diagnosis", List.of(icd), "record", null, Map.of())));
        List<MentionFact> ms = mentions("既往原发性高血压10年。", DictionaryTerminology.combine(List.of(record, TsvTerminology.shipped())));
        assertEquals(List.of("diagnosis:原发性高血压@2-8"), spans(ms));
        assertEquals("I10.x00x002", ms.get(0).code(CodeSystems.ICD10_CN));
        assertEquals("DIS-0001", ms.get(0).code(ZH));
    }

    @Test
    void aCombinedTerminologyMatchesAsOneAutomatonWould() {
        Coding icd = new Coding(CodeSystems.ICD10_CN, "I50.900x018", "慢性心力衰竭");
        Terminology record = new DictionaryTerminology(List.of(new Concept("心力衰竭", "diagnosis", List.of(icd), "record", null, Map.of())));
        Terminology combined = DictionaryTerminology.combine(List.of(record, TsvTerminology.shipped()));
        String note = ShippedLexiconPerformanceTest.note(3_000);
        List<TermMatcher.Match> parts = TermMatcher.of(combined).find(note);
        List<TermMatcher.Match> whole = new TermMatcher(combined.concepts()).find(note);
        assertEquals(whole.size(), parts.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(List.of(whole.get(i).start(), whole.get(i).end()), List.of(parts.get(i).start(), parts.get(i).end()));
            assertEquals(codes(whole.get(i)), codes(parts.get(i)), note.substring(whole.get(i).start(), whole.get(i).end()));
        }
    }

    private static Set<String> codes(TermMatcher.Match m) {
        Set<String> out = new TreeSet<>();
        for (Concept c : m.concepts()) for (Coding k : c.codes()) out.add(c.kind() + " " + k.getSystem() + "|" + k.getCode());
        return out;
    }
}
