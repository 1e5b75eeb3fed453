package org.emrqc.extractor.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.model.MentionFact;
import org.junit.jupiter.api.Test;

/** Statements read by pattern: attribute, normalized value and the exact span of the value as written. */
class StatementReaderTest {
    private final StatementReader reader = new StatementReader();

    private List<MentionFact> read(String text) {
        return reader.read(new NarrativeDocument("Composition", "d1", "p1", "e1", "zh", text), List.of(), TsvTerminology.shipped());
    }

    private static List<MentionFact> of(List<MentionFact> ms, String attribute) {
        return ms.stream().filter(m -> attribute.equals(m.getAttribute())).toList();
    }

    /** The one statement of an attribute whose quote is {@code quote}, checked to start where the quote first occurs at or after {@code from}. */
    private static MentionFact one(String text, List<MentionFact> ms, String attribute, String quote, int from) {
        List<MentionFact> hits = of(ms, attribute).stream().filter(m -> m.getText().equals(quote) && m.getStart() >= from).toList();
        assertTrue(!hits.isEmpty(), attribute + " '" + quote + "' in " + of(ms, attribute));
        MentionFact m = hits.get(0);
        assertEquals(text.indexOf(quote, from), m.getStart(), "start of " + quote);
        assertEquals(m.getStart() + quote.length(), m.getEnd(), "end of " + quote);
        assertEquals(quote, text.substring(m.getStart(), m.getEnd()));
        assertEquals("statement", m.getKind());
        assertEquals(StatementReader.BACKEND, m.getBackend());
        return m;
    }

    private static MentionFact one(String text, List<MentionFact> ms, String attribute, String quote) {
        return one(text, ms, attribute, quote, 0);
    }

    @Test
    void ageAndSexFromTheHeaderFieldsAndThePatientsIntroduction() {
        String t = "一般项目\n姓名：张*三 性别：女 年龄：45岁 婚姻：已婚\n首次病程记录\n患者张*三，女，45岁，因“腹痛3天”于2019-01-02 16:30收入院。\n"
                + "病例特点\n1.患者基本情况：患者女，反复咳嗽20年。其父70岁，患高血压；其母，女，68岁。13岁初潮，24岁结婚，2-3岁时患麻疹。";
        List<MentionFact> ms = read(t);
        MentionFact sex = one(t, ms, "sex", "女");
        assertEquals("female", sex.getNormalized());
        assertEquals("一般项目", sex.getSectionTitle());
        assertEquals("general", sex.getSection());
        assertEquals("45", one(t, ms, "age", "45岁").getNormalized());
        int intro = t.indexOf("患者张*三");
        assertEquals("45", one(t, ms, "age", "45岁", intro).getNormalized());
        assertEquals("female", one(t, ms, "sex", "女", intro).getNormalized());
        assertEquals("female", one(t, ms, "sex", "女", t.indexOf("患者女")).getNormalized());
        // ages of others and ages at an event are not the patient's age
        assertEquals(List.of("45", "45"), of(ms, "age").stream().map(MentionFact::getNormalized).toList());
        assertEquals(3, of(ms, "sex").size(), "其母，女 is not the patient's sex: " + of(ms, "sex"));
    }

    @Test
    void maskedNameAndSexStillGiveTheAge() {
        String t = "术前准备\n发言人及意见:1.患者***,***,16岁,因“右上腹痛1天”***2025-05-27 16:57经门诊收入院。";
        assertEquals("16", one(t, read(t), "age", "16岁").getNormalized());
    }

    @Test
    void maritalStatusFromTheFieldAndFromTheMaritalHistory() {
        String t = "一般项目\n姓名：宁** 性别：男 年龄：70岁民族：汉族 婚姻：已婚 职业：工人\n婚育史\n未婚\n家族史\n其女已婚，父母健在。";
        List<MentionFact> ms = read(t);
        MentionFact field = one(t, ms, "marital-status", "已婚");
        assertEquals("married", field.getNormalized());
        assertEquals("一般项目", field.getSectionTitle());
        MentionFact history = one(t, ms, "marital-status", "未婚");
        assertEquals("unmarried", history.getNormalized());
        assertEquals("婚育史", history.getSectionTitle());
        assertEquals(2, of(ms, "marital-status").size(), "其女已婚 is not the patient's: " + of(ms, "marital-status"));
        String inline = "既往史：体健。婚育史：离异，育1子。";
        assertEquals("divorced", one(inline, read(inline), "marital-status", "离异").getNormalized());
    }

    @Test
    void obstetricHistoryInItsThreeWritings() {
        String t = "月经生育史:13岁初潮,周期28天,经期5天,LMP 2024-06-25;孕2产1。G3P2。生育史：足月产1早产0流产1存活1。";
        List<MentionFact> ms = read(t);
        assertEquals("G2P1", one(t, ms, "obstetric-history", "孕2产1").getNormalized());
        assertEquals("G3P2", one(t, ms, "obstetric-history", "G3P2").getNormalized());
        assertEquals("G2P1", one(t, ms, "obstetric-history", "足月产1早产0流产1存活1").getNormalized());
        assertEquals("lmp:2024-06-25", one(t, ms, "menopause", "LMP 2024-06-25").getNormalized());
    }

    @Test
    void menopauseAgainstRegularCycles() {
        String t = "月经史\n13岁初潮，经期5天，周期28天，已绝经5年。\n个人史\n无特殊。";
        List<MentionFact> ms = read(t);
        assertEquals("menopausal", one(t, ms, "menopause", "已绝经").getNormalized());
        String past = "月经史\n平素月经规律，50岁绝经。";
        List<MentionFact> p = read(past);
        assertEquals(List.of("menopausal"), of(p, "menopause").stream().map(MentionFact::getNormalized).toList(),
                "regular cycles of the past beside a menopause say nothing of now");
        String now = "月经史\n月经规律，末次月经2019-01-02。";
        List<MentionFact> n = read(now);
        assertEquals("menstruating", one(now, n, "menopause", "月经规律").getNormalized());
        assertEquals("lmp:2019-01-02", one(now, n, "menopause", "末次月经2019-01-02").getNormalized());
        String not = "月经史：未绝经，周期不规律。";
        assertEquals("menstruating", one(not, read(not), "menopause", "未绝经").getNormalized());
        assertEquals(List.of(), of(read("围绝经期综合征。"), "menopause"));
    }

    @Test
    void operationDatesFromTheOperativeNoteAndThePostOperativeNote() {
        String op = "手术记录\n手术日期：2025-07-07         手术时间：-    手术用时：";
        MentionFact d = one(op, read(op), "operation-date", "2025-07-07");
        assertEquals("2025-07-07", d.getNormalized());
        String post = "术后首次病程记录\n患者于2019年1月2日 9:00在腰硬联合麻醉下行左侧卵巢囊肿剥除术，术程顺利。于2019-01-05行CT检查。";
        List<MentionFact> ms = read(post);
        assertEquals("2019-01-02", one(post, ms, "operation-date", "2019年1月2日").getNormalized());
        assertEquals(1, of(ms, "operation-date").size(), "an examination is not an operation");
    }

    @Test
    void admissionDatesFromFieldsAndTheFirstProgressNoteButNotFromTheHistory() {
        String t = "一般项目\n姓名：张** 入院时间：2025-07-22 13:35:00病历陈述者：\n现病史\n患者于2023-05-01收入院行胆囊切除术。\n"
                + "首次病程记录\n患者张**，女，45岁，因“腹痛3天”于2024-01-03 16:30收入院。";
        List<MentionFact> ms = read(t);
        assertEquals("2025-07-22", one(t, ms, "admission-date", "2025-07-22 13:35:00").getNormalized());
        assertEquals("2024-01-03", one(t, ms, "admission-date", "2024-01-03 16:30").getNormalized());
        assertEquals(2, of(ms, "admission-date").size(), "an earlier admission in the history is not this one");
    }

    @Test
    void consultationTimeToTheMinuteOrTheDateAsWritten() {
        String t = "急会诊记录\n申请会诊时间：2025-03-02 09:05\n会诊时间：2025-03-02 09:40\n会诊意见：考虑急性冠脉综合征。\n"
                + "会诊记录\n到达时间：2025年3月3日\n会诊意见：同意目前治疗。";
        List<MentionFact> ms = read(t);
        assertEquals("2025-03-02T09:40", one(t, ms, "consultation-time", "2025-03-02 09:40").getNormalized());
        assertEquals("2025-03-03", one(t, ms, "consultation-time", "2025年3月3日").getNormalized());
        assertEquals(2, of(ms, "consultation-time").size(), "the request time is not the consultation time");
    }

    @Test
    void diagnosisListsNumberedAndSeparated() {
        String t = "初步诊断\n1.胆总管结石伴胆管炎2.胆管扩张3.睡眠障碍4.高脂血症5.2型糖尿病6.高血压 3级，极高危医师签名：记录时间：\n"
                + "出院诊断\n支气管哮喘，睡眠障碍、支气管哮喘急性发作（中度）\n"
                + "入院诊断\n1. 2型糖尿病2. 高血压3. 脑出血4.咳嗽咳痰伴咳血（待查），睡眠障碍";
        List<MentionFact> ms = read(t);
        List<MentionFact> items = of(ms, "diagnosis-item");
        assertEquals(List.of("胆总管结石伴胆管炎", "胆管扩张", "睡眠障碍", "高脂血症", "2型糖尿病", "高血压 3级，极高危",
                        "支气管哮喘", "睡眠障碍", "支气管哮喘急性发作（中度）",
                        "2型糖尿病", "高血压", "脑出血", "咳嗽咳痰伴咳血（待查）", "睡眠障碍"),
                items.stream().map(MentionFact::getNormalized).toList());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 4.0, 5.0),
                items.stream().map(MentionFact::getValue).toList());
        MentionFact five = items.get(4);
        assertEquals(t.indexOf("2型糖尿病"), five.getStart(), "5.2型糖尿病 is item 5, 2型糖尿病");
        assertEquals("initial-diagnosis", five.getSection());
        assertEquals("初步诊断", five.getSectionTitle());
        assertEquals("discharge-diagnosis", items.get(6).getSection());
        assertEquals("入院诊断", items.get(9).getSectionTitle());
        for (MentionFact m : items) assertEquals(m.getNormalized(), t.substring(m.getStart(), m.getEnd()));
    }

    @Test
    void allergyStatementsByCategory() {
        String t = "既往史\n否认高血压病史，否认药物、食物过敏史。\n过敏史\n无。\n药物过敏史：否认\n食物过敏史：青霉素、海鲜\n"
                + "个人史\n对头孢类药物过敏。否认其他药物过敏史。";
        List<MentionFact> ms = read(t);
        List<String> all = of(ms, "allergy-statement").stream().map(m -> m.getNormalized() + "@" + m.getText()).toList();
        assertEquals(List.of("drug:denied@否认药物、食物过敏史", "food:denied@否认药物、食物过敏史", "any:denied@过敏史\n无",
                "drug:denied@药物过敏史：否认", "food:青霉素@青霉素", "food:海鲜@海鲜", "any:头孢@头孢"), all);
        MentionFact penicillin = one(t, ms, "allergy-statement", "青霉素");
        assertTrue(!penicillin.getCodes().isEmpty() && penicillin.getCodes().stream().allMatch(c -> !c.getSystem().equals(AllergyStatementReader.SUBSTANCE_CLASS)
                || c.getCode().equals("drug")), "青霉素 is a drug (a medication code of the lexicon, or the drug class), even under 食物过敏史");
        assertEquals("food", one(t, ms, "allergy-statement", "海鲜").getCodes().get(0).getCode());
        assertTrue(one(t, ms, "allergy-statement", "否认药物、食物过敏史").isNegated());
    }

    @Test
    void lateralityOfTheDiagnosedAndOperatedSiteOnly() {
        String t = "初步诊断\n1.左附件囊肿2.右乳腺癌术后\n体格检查\n双肺呼吸音清，左肺底少许湿啰音，右下肢无水肿。\n"
                + "手术名称\n右腋窝前哨淋巴结活检术\n术中所见\n右侧卵巢囊肿约5cm，左侧卵巢外观正常。\n辅助检查\n超声示左侧卵巢囊肿。";
        List<MentionFact> ms = read(t);
        List<String> sides = of(ms, "laterality").stream().map(m -> m.getNormalized() + "@" + m.getText()).toList();
        assertEquals(List.of("left:附件@左附件", "right:乳腺@右乳腺", "right:乳腺@右腋窝", "right:附件@右侧卵巢", "left:附件@左侧卵巢"), sides,
                "no physical examination, no normal finding; an imaging result (超声示…) is read");
        assertEquals("imaging-in-note", of(ms, "laterality").get(4).getSection());
        MentionFact adnexa = one(t, ms, "laterality", "左附件");
        assertEquals("left", adnexa.getLaterality());
        assertEquals("附件", adnexa.getBodySite());
        assertTrue(one(t, ms, "laterality", "右乳腺").isHistorical(), "a status-post item");
        String both = "术后诊断\n双侧卵巢囊肿；左、右输卵管积水";
        assertEquals(List.of("bilateral", "bilateral"), of(read(both), "laterality").stream().map(MentionFact::getLaterality).toList());
    }

    @Test
    void templateControlsLeftUnfilled() {
        String t = "主诉：【主诉\\自定义控件\\文本】\n既往史：承认或否认高血压病史，有/无手术史。\n甲状腺彩超：拟诊TI-RADS 类。\n"
                + "一般项目\nXX省第XX人民医院 染色体核型46,XX\n首次病程记录\n患者***,***,70岁，因于2024-01-03 16:30收入院。因“”入院。\n"
                + "体格检查：T：℃ P：次/分 R：20次/分 BP：/mmHg 体重：kg\n个人史：吸烟史：有：。\n"
                + "术后首次病程记录\n患者术前诊断为：，今日在下进行。\n手术者： 一助：\n手术时间\n-。";
        List<MentionFact> ms = read(t);
        List<String> controls = of(ms, "template-control").stream().map(m -> m.getNormalized() + "@" + m.getText()).toList();
        assertEquals(List.of("marker@【主诉\\自定义控件\\文本】", "prompt@承认或否认", "prompt@有/无", "blank@TI-RADS 类", "placeholder@XX",
                "placeholder@XX", "blank@因于", "blank@“”", "blank@T：℃", "blank@P：次/分", "blank@BP：/mmHg", "blank@体重：kg", "blank@有：",
                "blank@术前诊断为：", "blank@在下进行", "blank@手术者：", "blank@手术时间"), controls,
                "not the karyotype 46,XX, not the masks ***, not R：20次/分");
        for (MentionFact m : of(ms, "template-control")) assertEquals(m.getText(), t.substring(m.getStart(), m.getEnd()));
    }

    @Test
    void englishTextHasNoStatements() {
        assertEquals(List.of(), reader.read(new NarrativeDocument("Composition", "d1", "p1", "e1", "en", "45-year-old woman, G2P1."), List.of(), null));
    }

    @Test
    void theStageAddsStatementsAfterTheExtractorWhateverItIs() {
        String t = "一般项目\n性别：女 年龄：45岁\n过敏史：否认药物过敏史。";
        NarrativeStage stage = new NarrativeStage(new OfflineExtractor(), TsvTerminology.shipped());
        NarrativeDocument doc = new NarrativeDocument("Composition", "d1", "p1", "e1", "zh", t);
        List<MentionFact> ms = stage.extract(doc, new NarrativeStage.Context(TsvTerminology.shipped(), List.of())).mentions();
        assertEquals(List.of("sex", "age", "allergy-statement"), ms.stream().filter(m -> "statement".equals(m.getKind())).map(MentionFact::getAttribute).toList());
        assertTrue(ms.stream().anyMatch(m -> "allergy-denial".equals(m.getKind())), "the extractor's own mentions are kept");
        for (MentionFact m : ms) assertEquals("p1", m.getPatientId());
    }

    @Test
    void nearMissesFoundInRealNotes() {
        // the menarche in a sentence about the menses is no age of the patient
        assertEquals(List.of(), of(read("患者既往月经规律,13岁,4-5天/28天,45岁绝经,经量中。"), "age"));
        // a list inside a paragraph ends with its sentence
        String t = "出院诊断:1、原发性高血压3级极高危2、冠状动脉粥样硬化性心脏病,慢性心衰。院外服药:螺内酯20mg每日一次。";
        assertEquals(List.of("原发性高血压3级极高危", "冠状动脉粥样硬化性心脏病", "慢性心衰"),
                of(read(t), "diagnosis-item").stream().map(MentionFact::getNormalized).toList());
        // dimensions and a pathology field filled on the next line are not template controls; a blank result is
        String p = "大小1.8×xxx1.7cm。病理诊断：\n进行期胃窦癌。EGFR（），HER2(1+)。";
        assertEquals(List.of("blank@（）"), of(read(p), "template-control").stream().map(m -> m.getNormalized() + "@" + m.getText()).toList());
        assertEquals("bilateral", of(read("术后诊断\n两卵巢腺癌IIB期"), "laterality").get(0).getLaterality());
    }

    @Test
    void theCorpusWritings() {
        String desc = "病例特点\n1.中年女性，39岁，因“发现甲状腺结节1月”入院。\n查房记录\n患者老年男性，今日查房。";
        List<MentionFact> ms = read(desc);
        assertEquals("39", one(desc, ms, "age", "39岁").getNormalized());
        assertEquals(List.of("female", "male"), of(ms, "sex").stream().map(MentionFact::getNormalized).toList());
        String weight = "手术记录\n娩出一活婴，新生儿体重XXg，Apgar评分10分。XX主任指导手术。";
        assertEquals(List.of("placeholder@XX"), of(read(weight), "template-control").stream().map(m -> m.getNormalized() + "@" + m.getText()).toList(),
                "XXg is a placeholder, XX主任 a masked name");
        String today = "术后首次病程记录\n患者于今日（2021-11-08）在腰硬联合麻醉下行右胫骨平台骨折切开复位内固定术。";
        assertEquals("2021-11-08", one(today, read(today), "operation-date", "2021-11-08").getNormalized());
        assertEquals(List.of(), of(read("个人史\n出生史：G1P1，孕39周剖宫产，出生体重3300g。"), "obstetric-history"), "the mother's G/P");
        String round = "主任医师查房记录\n患者左眼术后第1天，无眼痛。查体：左眼视力0.6。";
        MentionFact eye = one(round, read(round), "laterality", "左眼");
        assertEquals("postop-day", eye.getSection());
        assertTrue(!eye.isHistorical());
    }
}
