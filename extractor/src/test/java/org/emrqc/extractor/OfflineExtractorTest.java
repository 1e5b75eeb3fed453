package org.emrqc.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.sections.SectionDetector;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;
import org.emrqc.model.SectionFact;
import org.junit.jupiter.api.Test;

/** The offline extractor on a Chinese admission record and an English (Synthea-style) note: exact spans. */
class OfflineExtractorTest {
    static final String ZH = "入院记录\n主诉：右下腹痛3天。\n现病史：患者3天前无明显诱因出现右下腹痛，伴恶心，无呕吐。\n"
            + "既往史：否认高血压病史，否认药物过敏史。\n个人史：无\n体格检查：T 38.5℃ P 96次/分 R 20次/分 BP 125/80mmHg，左下肢无水肿。\n";
    static final String EN = "\n1964-10-16\n\n# Chief Complaint\nNo complaints.\n\n# History of Present Illness\nAimee\n is a 5 month-old female. "
            + "Patient has a history of epilepsy, seizure disorder.\n\n# Allergies\nNo Known Allergies.\n\n# Medications\ndiazepam 5 mg oral tablet\n\n"
            + "# Assessment and Plan\nPatient denies fever but reports cough for 2 days. BP 118/76 mmHg, HR 88.\n";

    private final OfflineExtractor extractor = new OfflineExtractor();

    private static Terminology terms(Concept... extra) {
        return DictionaryTerminology.combine(List.of(new DictionaryTerminology(List.of(extra)), TsvTerminology.shipped()));
    }

    private static MentionFact one(List<MentionFact> ms, String kind, String text) {
        List<MentionFact> hits = ms.stream().filter(m -> m.getKind().equals(kind) && m.getText().equals(text)).toList();
        assertEquals(1, hits.size(), kind + " '" + text + "' in " + ms);
        return hits.get(0);
    }

    @Test
    void chineseSectionsWithOffsetsAndEmptiness() {
        NarrativeDocument doc = new NarrativeDocument("Composition", "adm1", "p1", "e1", "zh", ZH);
        List<SectionFact> s = new SectionDetector().detect(doc);
        assertEquals(List.of("chief-complaint", "hpi", "past-history", "personal-history", "physical-exam"), s.stream().map(SectionFact::getCode).toList());
        SectionFact cc = s.get(0);
        assertEquals("右下腹痛3天。", cc.getContent());
        assertEquals("右下腹痛3天。", ZH.substring(cc.getStart(), cc.getEnd()));
        assertFalse(cc.isEmpty());
        assertTrue(s.get(3).isEmpty(), "个人史：无 is empty");
    }

    @Test
    void chineseMentionsNegationDurationVitalsAndAllergyDenial() {
        NarrativeDocument doc = new NarrativeDocument("Composition", "adm1", "p1", "e1", "zh", ZH);
        Concept htn = new Concept("高血压", "diagnosis", List.of(new Coding(CodeSystems.ICD10_CN, "I10.x00x002", "高血压")), "test", null, Map.of());
        List<MentionFact> ms = extractor.extract(doc, terms(htn)).mentions();
        for (MentionFact m : ms) assertEquals(m.getText(), ZH.substring(m.getStart(), m.getEnd()), "span slices to the quote");

        MentionFact pain = ms.stream().filter(m -> m.getText().equals("腹痛") && "chief-complaint".equals(m.getSection())).findFirst().orElseThrow();
        assertEquals("symptom", pain.getKind());
        assertEquals("3天", pain.getDuration());
        assertEquals(3.0, pain.getDurationDays());
        assertEquals("21522001", pain.code(CodeSystems.SNOMED));
        assertFalse(pain.isNegated());
        assertFalse(one(ms, "symptom", "恶心").isNegated());
        assertTrue(one(ms, "symptom", "呕吐").isNegated());
        MentionFact h = one(ms, "diagnosis", "高血压");
        assertTrue(h.isNegated());
        assertTrue(h.isHistorical());
        assertEquals("I10.x00x002", h.code(CodeSystems.ICD10_CN));
        assertEquals(1.0, h.getCandidates().get(0).score());
        assertEquals("I10.x00x002", h.getCandidates().get(0).coding().getCode());
        assertEquals("past-history", h.getSection());
        assertEquals("否认药物过敏史", one(ms, "allergy-denial", "否认药物过敏史").getText());
        List<String> vitals = ms.stream().filter(m -> m.getKind().equals("vital")).map(m -> m.code(CodeSystems.LOINC) + "=" + m.getValue()).toList();
        assertEquals(List.of("8310-5=38.5", "8867-4=96.0", "9279-1=20.0", "8480-6=125.0", "8462-4=80.0"), vitals);
    }

    @Test
    void chineseAffirmedAllergyIsASubstanceMention() {
        String text = "既往史：对青霉素过敏，无手术史。";
        List<MentionFact> ms = extractor.extract(new NarrativeDocument("Composition", "x", "p1", null, "zh", text), terms()).mentions();
        MentionFact a = one(ms, "allergy", "青霉素");
        assertEquals(5, a.getStart());
        assertFalse(ms.stream().anyMatch(m -> m.getKind().equals("allergy-denial")));
    }

    @Test
    void medicationDoseRouteFrequencyAndLabValue() {
        String text = "诊疗计划：予阿莫西林0.5g 口服 每日三次。辅助检查：血钾3.1mmol/L。";
        Concept amox = new Concept("阿莫西林", "medication", List.of(new Coding(CodeSystems.RXNORM, "723", "amoxicillin")), "pack", null, Map.of());
        Concept k = new Concept("血钾", "lab", List.of(new Coding(CodeSystems.LOINC, "2823-3", "Potassium")), "record", null, Map.of());
        List<MentionFact> ms = extractor.extract(new NarrativeDocument("Composition", "c", "p1", null, "zh", text), terms(amox, k)).mentions();
        MentionFact m = one(ms, "medication", "阿莫西林");
        assertEquals("0.5 g", m.getDose());
        assertEquals("口服", m.getRoute());
        assertEquals("每日三次", m.getFrequency());
        MentionFact lab = one(ms, "lab", "血钾");
        assertEquals(3.1, lab.getValue());
        assertEquals("mmol/L", lab.getUnit());
        String en = "Plan: metformin 500 mg orally twice daily.";
        Concept met = new Concept("metformin", "medication", List.of(new Coding(CodeSystems.RXNORM, "6809", "metformin")), "pack", null, Map.of());
        MentionFact e = one(extractor.extract(new NarrativeDocument("Composition", "d", "p1", null, "en", en), terms(met)).mentions(), "medication", "metformin");
        assertEquals("500 mg", e.getDose());
        assertEquals("orally", e.getRoute());
        assertEquals("twice daily", e.getFrequency());
    }

    @Test
    void englishNoteWithRecordTerminology() {
        NarrativeDocument doc = new NarrativeDocument("DocumentReference", "n1", "p1", "e1", "en", EN);
        Concept epilepsy = new Concept("Epilepsy (disorder)", "diagnosis", List.of(new Coding(CodeSystems.SNOMED, "84757009", "Epilepsy (disorder)")), "record", null, Map.of());
        Concept diazepam = new Concept("Diazepam 5 MG Oral Tablet", "medication", List.of(new Coding(CodeSystems.RXNORM, "197591", "Diazepam 5 MG Oral Tablet")), "record", null, Map.of());
        Extraction x = extractor.extract(doc, terms(epilepsy, diazepam));
        List<MentionFact> ms = x.mentions();
        for (MentionFact m : ms) assertEquals(m.getText(), EN.substring(m.getStart(), m.getEnd()));
        MentionFact e = one(ms, "diagnosis", "epilepsy");
        assertTrue(e.isHistorical());
        assertFalse(e.isNegated());
        assertEquals("84757009", e.code(CodeSystems.SNOMED));
        MentionFact d = one(ms, "medication", "diazepam 5 mg oral tablet");
        assertEquals("197591", d.code(CodeSystems.RXNORM));
        assertEquals("medications", d.getSection());
        assertEquals("allergies", one(ms, "allergy-denial", "No Known Allergies").getSection());
        assertTrue(one(ms, "symptom", "fever").isNegated());
        MentionFact cough = one(ms, "symptom", "cough");
        assertFalse(cough.isNegated(), "'but' ends the negation scope");
        assertEquals("2 days", cough.getDuration());
        assertEquals(List.of("chief-complaint", "hpi", "allergies", "medications", "assessment-plan"),
                x.sections().stream().map(SectionFact::getCode).toList());
    }
}
