package org.emrqc.extractor.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;
import org.junit.jupiter.api.Test;

/**
 * Chinese clinical language as a clinician reads it: negation cues and their scope, uncertainty, negated
 * qualifiers, template prompts and differentials (hypothetical), and the time frame of each mention. Every case
 * asserts the mention's exact text and offsets and its attributes.
 */
class ContextRulesTest {
    private static final Terminology TERMS = terms();

    private static Terminology terms() {
        List<Concept> c = new ArrayList<>();
        for (String s : List.of("发热", "咳嗽", "咳痰", "胸痛", "胸闷", "腹痛", "恶心", "呕吐", "头痛", "黄疸", "皮疹", "墨菲氏征", "咽痛", "啰音",
                "血糖升高", "腹胀", "水肿", "疼痛")) {
            c.add(concept(s, "symptom"));
        }
        for (String d : List.of("高血压", "糖尿病", "肺结核", "肺癌", "肺炎", "梗阻性黄疸", "甲状腺结节", "肺结节", "乳癌", "急性阑尾炎", "冠心病")) {
            c.add(concept(d, "diagnosis"));
        }
        c.add(concept("阑尾切除术", "procedure"));
        // the test's own terms, not the shipped tables: what is tested is how the text is read, whatever the lexicon holds
        return new DictionaryTerminology(c);
    }

    private static Concept concept(String term, String kind) {
        return new Concept(term, kind, List.of(new Coding("urn:test", term, term)), "test", null, java.util.Map.of());
    }

    private static List<MentionFact> extract(String text) {
        return new OfflineExtractor().extract(new NarrativeDocument("Composition", "d", "p1", "e1", "zh", text), TERMS).mentions();
    }

    /** The n-th (0-based) mention with this text, checked to slice the text at its offsets. */
    private static MentionFact m(List<MentionFact> ms, String text, String quote, int n) {
        List<MentionFact> hits = ms.stream().filter(x -> x.getText().equals(quote) && !"statement".equals(x.getKind())).toList();
        assertTrue(hits.size() > n, "no " + (n + 1) + ". '" + quote + "' in " + ms);
        MentionFact f = hits.get(n);
        assertEquals(quote, text.substring(f.getStart(), f.getEnd()));
        return f;
    }

    private static MentionFact m(List<MentionFact> ms, String text, String quote) {
        return m(ms, text, quote, 0);
    }

    private static void denied(MentionFact f) {
        assertTrue(f.isNegated(), f + " denied");
        assertFalse(f.isUncertain(), f + " not uncertain");
        assertFalse(f.isHypothetical(), f + " not hypothetical");
    }

    private static void affirmed(MentionFact f) {
        assertTrue(f.isAffirmed(), f + " affirmed (negated=" + f.isNegated() + " uncertain=" + f.isUncertain() + " hypothetical=" + f.isHypothetical() + ")");
    }

    /** Neither denied nor affirmed: the text does not say. */
    private static void undecided(MentionFact f) {
        assertFalse(f.isNegated(), f + " not denied");
        assertFalse(f.isAffirmed(), f + " not affirmed");
    }

    // ------------------------------------------------------------------------------------------- negation

    @Test
    void enumerationAfterACueNegatesEachItem() {
        String t = "现病史：无发热、咳嗽、咳痰，无胸痛。";
        List<MentionFact> ms = extract(t);
        MentionFact fever = m(ms, t, "发热");
        assertEquals(5, fever.getStart());
        assertEquals(7, fever.getEnd());
        denied(fever);
        denied(m(ms, t, "咳嗽"));
        MentionFact sputum = m(ms, t, "咳痰");
        assertEquals(11, sputum.getStart());
        denied(sputum);
        denied(m(ms, t, "胸痛"));
    }

    @Test
    void pastHistoryDenialNegatesEveryDiseaseListed() {
        String t = "既往史：否认高血压、糖尿病病史，否认肝炎、结核等传染病史。";
        List<MentionFact> ms = extract(t);
        MentionFact h = m(ms, t, "高血压");
        assertEquals(6, h.getStart());
        denied(h);
        assertTrue(h.isHistorical());
        denied(m(ms, t, "糖尿病"));
    }

    @Test
    void accompanyingSymptomEndsTheScope() {
        String t = "患者无发热伴咳嗽，腹痛，不伴恶心、呕吐，无明显诱因出现头痛。";
        List<MentionFact> ms = extract(t);
        denied(m(ms, t, "发热"));
        affirmed(m(ms, t, "咳嗽"));
        affirmed(m(ms, t, "腹痛"));
        denied(m(ms, t, "恶心"));
        denied(m(ms, t, "呕吐"));
        MentionFact headache = m(ms, t, "头痛");
        assertEquals(t.indexOf("头痛"), headache.getStart());
        affirmed(headache);
    }

    @Test
    void butAndANewStatementEndTheScope() {
        String t = "无发热但咳嗽明显；未诉胸痛，偶有胸闷；无咽痛而后出现咳痰。";
        List<MentionFact> ms = extract(t);
        denied(m(ms, t, "发热"));
        affirmed(m(ms, t, "咳嗽"));
        denied(m(ms, t, "胸痛"));
        affirmed(m(ms, t, "胸闷"));
        denied(m(ms, t, "咽痛"));
        affirmed(m(ms, t, "咳痰"));
    }

    @Test
    void excludingContraindicationsIsNotADenial() {
        String t = "完善术前检查，排除手术禁忌后行阑尾切除术。";
        MentionFact op = m(extract(t), t, "阑尾切除术");
        assertEquals(15, op.getStart());
        assertFalse(op.isNegated());
    }

    @Test
    void cannotExcludePendingAndConsiderAreUncertainNotDenied() {
        String t = "胸部CT：不能排除肺癌。肺结核待排。不除外肺炎。考虑急性阑尾炎可能。排除冠心病。";
        List<MentionFact> ms = extract(t);
        for (String d : List.of("肺癌", "肺结核", "肺炎", "急性阑尾炎")) {
            MentionFact f = m(ms, t, d);
            assertTrue(f.isUncertain(), d + " uncertain");
            assertFalse(f.isNegated(), d + " not denied");
        }
        denied(m(ms, t, "冠心病"));
    }

    @Test
    void noEvidenceOfADiseaseDeniesNoHistoryOfIt() {
        String t = "目前无肺结核依据，无高血压表现。";
        List<MentionFact> ms = extract(t);
        undecided(m(ms, t, "肺结核"));
        undecided(m(ms, t, "高血压"));
    }

    @Test
    void aNegatedQualifierDoesNotDenyTheFinding() {
        String t = "患者无痛性黄疸1周，无犬吠样咳嗽。";
        List<MentionFact> ms = extract(t);
        MentionFact jaundice = m(ms, t, "黄疸");
        assertEquals(5, jaundice.getStart());
        affirmed(jaundice);
        undecided(m(ms, t, "咳嗽"));
    }

    @Test
    void examinationNegationsBeforeAndAfter() {
        String t = "体格检查：双肺未闻及干湿啰音，全身未见皮疹，墨菲氏征阴性，皮肤黄疸(-)。";
        List<MentionFact> ms = extract(t);
        denied(m(ms, t, "啰音"));
        denied(m(ms, t, "皮疹"));
        denied(m(ms, t, "墨菲氏征"));
        denied(m(ms, t, "黄疸"));
    }

    @Test
    void labelValuesNegateAndEmptyLabelsAndPromptsAreNotStatements() {
        String t = "高血压病史：无\n糖尿病：\n冠心病：有/无\n承认或否认肺结核病史\n手术史：XX年前行阑尾切除术";
        List<MentionFact> ms = extract(t);
        MentionFact h = m(ms, t, "高血压");
        denied(h);
        assertTrue(h.isHistorical());
        MentionFact dm = m(ms, t, "糖尿病");
        assertTrue(dm.isHypothetical(), "a label with nothing after it");
        assertFalse(dm.isAffirmed());
        assertTrue(m(ms, t, "冠心病").isHypothetical());
        MentionFact tb = m(ms, t, "肺结核");
        assertTrue(tb.isHypothetical());
        assertFalse(tb.isAffirmed());
        assertTrue(m(ms, t, "阑尾切除术").isHypothetical());
    }

    @Test
    void differentialsRisksAndConditionalsAreHypothetical() {
        String t = "需与肺结核相鉴别。若不行手术治疗，可能引起梗阻性黄疸。予华法林抗凝，降低肺炎风险。必要时行阑尾切除术。";
        List<MentionFact> ms = extract(t);
        for (String d : List.of("肺结核", "梗阻性黄疸", "肺炎", "阑尾切除术")) {
            MentionFact f = m(ms, t, d);
            assertTrue(f.isHypothetical(), d + " hypothetical");
            assertFalse(f.isAffirmed());
            assertFalse(f.isNegated());
        }
    }

    @Test
    void familyHistoryIsNotThePatients() {
        String t = "家族史：父亲肺癌去世，母亲高血压，无家族性遗传病史。";
        List<MentionFact> ms = extract(t);
        assertTrue(m(ms, t, "肺癌").isFamily());
        assertTrue(m(ms, t, "高血压").isFamily());
        assertFalse(m(ms, t, "高血压").isAffirmed());
    }

    // ------------------------------------------------------------------------------------------- time frames

    @Test
    void eachMentionTakesTheNearestFrameBeforeItInItsSentence() {
        String t = "现病史：患者2周前无明显诱因出现胸闷，休息后缓解，无发热。4天前突发胸闷加重，伴咳嗽，无发热。";
        List<MentionFact> ms = extract(t);
        MentionFact first = m(ms, t, "胸闷", 0);
        assertEquals(16, first.getStart());
        affirmed(first);
        assertEquals("ago:P14D", first.getTimeFrame());
        assertEquals("2周前", first.getTimeFrameText());
        MentionFact noFever = m(ms, t, "发热", 0);
        denied(noFever);
        assertEquals("after:ago:P14D", noFever.getTimeFrame(), "told after 休息后缓解: later than the onset 2周前");
        assertEquals("2周前", noFever.getTimeFrameText());
        MentionFact again = m(ms, t, "胸闷", 1);
        assertEquals("ago:P4D", again.getTimeFrame());
        assertEquals("4天前", again.getTimeFrameText());
        assertEquals("ago:P4D", m(ms, t, "咳嗽").getTimeFrame());
        assertEquals("ago:P4D", m(ms, t, "发热", 1).getTimeFrame());
    }

    @Test
    void aHistoryNarrativeCarriesItsFrameToTheNextSentenceOfTheParagraph() {
        String t = "现病史：入院前3天患者出现腹痛。伴恶心，无呕吐。\n既往史：否认高血压病史。\n体格检查：腹痛明显。";
        List<MentionFact> ms = extract(t);
        MentionFact pain = m(ms, t, "腹痛", 0);
        assertEquals("ago:P3D", pain.getTimeFrame());
        assertEquals("入院前3天", pain.getTimeFrameText());
        assertEquals("ago:P3D", m(ms, t, "恶心").getTimeFrame(), "the paragraph's frame in 现病史");
        assertEquals("ago:P3D", m(ms, t, "呕吐").getTimeFrame());
        assertNull(m(ms, t, "高血压").getTimeFrame(), "never across sections");
        assertNull(m(ms, t, "腹痛", 1).getTimeFrame(), "no paragraph frame outside a history");
    }

    @Test
    void namedAndDatedFrames() {
        String t = "现病史：2017年1月诊断糖尿病。近3月血糖升高。入院时无发热，入院后出现咳嗽。目前无胸闷。术后第3天出现腹痛。1年余前曾患肺炎。";
        List<MentionFact> ms = extract(t);
        assertEquals("date:2017-01", m(ms, t, "糖尿病").getTimeFrame());
        assertEquals("2017年1月", m(ms, t, "糖尿病").getTimeFrameText());
        assertEquals("ago:P3M", m(ms, t, "血糖升高").getTimeFrame());
        assertEquals("admission", m(ms, t, "发热").getTimeFrame());
        assertEquals("inpatient", m(ms, t, "咳嗽").getTimeFrame());
        assertEquals("now", m(ms, t, "胸闷").getTimeFrame());
        assertEquals("postop:P3D", m(ms, t, "腹痛").getTimeFrame());
        assertEquals("ago:P1Y", m(ms, t, "肺炎").getTimeFrame());
    }

    @Test
    void periodsNamedByEventsAndLaterDevelopments() {
        String t = "现病史：患者前3次化疗期间无明显恶心，下次化疗期间出现恶心。入院前5+天再发腹痛，予解痉治疗后好转，无腹痛。术后10天出现发热，予引流后无发热。";
        List<MentionFact> ms = extract(t);
        assertEquals("event:前3次化疗期间", m(ms, t, "恶心", 0).getTimeFrame());
        assertEquals("event:下次化疗期间", m(ms, t, "恶心", 1).getTimeFrame());
        assertEquals("ago:P5D", m(ms, t, "腹痛", 0).getTimeFrame(), "再发 right at the frame is its onset");
        assertEquals("入院前5+天", m(ms, t, "腹痛", 0).getTimeFrameText());
        assertEquals("event:治疗后", m(ms, t, "腹痛", 1).getTimeFrame(), "after 予解痉治疗后好转");
        assertEquals("postop:P10D", m(ms, t, "发热", 0).getTimeFrame());
        assertEquals("after:postop:P10D", m(ms, t, "发热", 1).getTimeFrame());
    }

    @Test
    void aBareItemAfterADeniedListIsUndecidedAndNoAccompanimentIsADenial() {
        String t = "无腹痛、腹胀，恶心等，无伴粘液血便、呕吐等不适。无腹胀，恶心呕吐等不适。";
        List<MentionFact> ms = extract(t);
        denied(m(ms, t, "腹痛"));
        undecided(m(ms, t, "恶心"));
        denied(m(ms, t, "呕吐"));
        undecided(m(ms, t, "恶心", 1));
        undecided(m(ms, t, "呕吐", 1));
    }

    @Test
    void bodySiteWrittenBeforeASymptom() {
        String t = "右上腹疼痛，两上肢无水肿，无腹痛，肛周疼痛。";
        List<MentionFact> ms = extract(t);
        assertEquals("右上腹", m(ms, t, "疼痛", 0).getBodySite());
        assertEquals("两上肢", m(ms, t, "水肿").getBodySite());
        assertNull(m(ms, t, "腹痛").getBodySite());
        assertEquals("肛周", m(ms, t, "疼痛", 1).getBodySite());
        String exam = "右乳外上象限（10点钟方向距乳头约3cm）可触及一肿物，质硬。左乳未触及明显肿物。";
        List<MentionFact> lumps = new OfflineExtractor().extract(new NarrativeDocument("Composition", "d", "p1", "e1", "zh", exam),
                new DictionaryTerminology(List.of(concept("肿物", "sign")))).mentions();
        assertEquals("右乳外上象限", m(lumps, exam, "肿物", 0).getBodySite());
        assertEquals("左乳", m(lumps, exam, "肿物", 1).getBodySite());
    }

    @Test
    void frameKeysAndNumbers() {
        List<TimeFrames.Frame> f = TimeFrames.find("半年前，十余天前，两周前，3个月前，2 周前，数天前，昨日，2025-06-05，1996年起", "zh");
        assertEquals(List.of("ago:P6M", "ago:P10D", "ago:P14D", "ago:P3M", "ago:P14D", "ago:PxD", "ago:P1D", "date:2025-06-05", "date:1996"),
                f.stream().map(TimeFrames.Frame::key).toList());
        assertEquals("2 周前", f.get(4).text());
        assertEquals(List.of("date:2025-03-05T08:00", "date:2025-03-05T20:00", "date:2025-03-05", "date:--03-06", "date:--03-06T09:30"),
                TimeFrames.find("2025-03-05 08:00无发热，2025-03-05 20:00出现发热。2025年3月5日复查。3月6日无发热，3月6日9:30体温正常。", "zh")
                        .stream().map(TimeFrames.Frame::key).toList());
        assertEquals(List.of("ago:P14D", "admission", "now"),
                TimeFrames.find("Fever 2 weeks ago; on admission afebrile, currently well.", "en").stream().map(TimeFrames.Frame::key).toList());
    }
}
