package org.emrqc.extractor.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.model.SectionFact;
import org.junit.jupiter.api.Test;

/** Section headers as Chinese notes write them, with the codes the rules use, and what counts as empty. */
class SectionDetectorTest {
    private static List<SectionFact> detect(String text) {
        return new SectionDetector().detect(new NarrativeDocument("Composition", "d", "p1", "e1", "zh", text));
    }

    private static SectionFact one(List<SectionFact> s, String code) {
        List<SectionFact> hits = s.stream().filter(x -> code.equals(x.getCode())).toList();
        assertEquals(1, hits.size(), code + " in " + s.stream().map(SectionFact::getCode).toList());
        return hits.get(0);
    }

    @Test
    void admissionRecordWithNumberedSpacedBracketedAndInlineHeaders() {
        String t = "入院记录\n一般项目\n姓名：张** 性别：女 年龄：45岁\n病史陈述者：患者本人\n一、主  诉：发现甲状腺结节1月\n二、现病史：患者1月前体检发现甲状腺结节。\n"
                + "既 往 史：否认高血压病史。\n【个人史】生于原籍。\n婚育史：已婚。\n月经史：13岁初潮。\n家族史：父母体健。\n体格检查\nT 36.5℃ P 80次/分。\n"
                + "专科检查：甲状腺右叶可及结节。\n辅助检查：暂缺\n初步诊断：甲状腺结节\n医师签名：王**\n记录时间：2025-07-01 10:00";
        List<SectionFact> s = detect(t);
        assertEquals(List.of("general", "informant", "chief-complaint", "hpi", "past-history", "personal-history", "marital-history",
                "menstrual-history", "family-history", "physical-exam", "specialty-exam", "investigations", "initial-diagnosis"),
                s.stream().map(SectionFact::getCode).toList());
        SectionFact cc = one(s, "chief-complaint");
        assertEquals("主诉", cc.getTitle());
        assertEquals("发现甲状腺结节1月", cc.getContent());
        assertEquals("发现甲状腺结节1月", t.substring(cc.getStart(), cc.getEnd()));
        assertEquals("既往史", one(s, "past-history").getTitle());
        assertEquals("否认高血压病史。", one(s, "past-history").getContent());
        assertEquals("生于原籍。", one(s, "personal-history").getContent());
        assertTrue(one(s, "investigations").isEmpty(), "暂缺 is a placeholder");
        assertEquals("甲状腺结节", one(s, "initial-diagnosis").getContent(), "the signature lines end the diagnosis");
        assertFalse(one(s, "physical-exam").isEmpty());
    }

    @Test
    void firstProgressNoteWithPartsInsideTheDiscussion() {
        String t = "首次病程记录\n2025-03-01 14:00\u2002\u2002首次病程记录\n患者女，45岁。\n病例特点：中年女性，右下腹痛3天。\n"
                + "拟诊讨论：根据病史体征，诊断急性阑尾炎。鉴别诊断：右侧输尿管结石。\n诊疗计划：抗感染治疗。";
        List<SectionFact> s = detect(t);
        assertEquals(List.of("progress", "case-features", "diagnostic-discussion", "differential-diagnosis", "plan"),
                s.stream().map(SectionFact::getCode).toList());
        assertEquals("患者女，45岁。", one(s, "progress").getContent(), "a title repeated after the record date is one header");
        assertEquals("右侧输尿管结石。", one(s, "differential-diagnosis").getContent());
    }

    @Test
    void operativeAndDischargeHeaders() {
        String t = "术前诊断：急性阑尾炎\n术中诊断：急性化脓性阑尾炎\n术后诊断：急性化脓性阑尾炎\n手术名称：腹腔镜阑尾切除术\n麻醉方式：全麻\n"
                + "手术经过：常规消毒。\n术中所见：阑尾充血。\n入院情况：腹痛3天。\n诊疗经过：抗感染。\n出院情况：无腹痛。\n出院诊断：急性阑尾炎\n"
                + "出院医嘱：门诊复查。\n修正诊断：急性化脓性阑尾炎";
        assertEquals(List.of("preoperative-diagnosis", "intraoperative-diagnosis", "postoperative-diagnosis", "operation-name", "anesthesia",
                "operation-course", "operative-findings", "admission-status", "hospital-course", "discharge-status", "discharge-diagnosis",
                "discharge-orders", "revised-diagnosis"), detect(t).stream().map(SectionFact::getCode).toList());
    }

    @Test
    void wardRoundBodyWithoutAHeaderIsARoundSection() {
        String t = "2025-07-15\n今日查房，患者诉腹痛减轻，无发热。";
        SectionFact r = one(detect(t), "ward-round");
        assertEquals(11, r.getStart());
        assertEquals("今日查房，患者诉腹痛减轻，无发热。", r.getContent());
        String titled = "查房记录\n2025-07-15\u2002\u2002查房记录\n主治医师查房记录 今查房，患者诉心慌。";
        List<SectionFact> s = detect(titled);
        assertEquals(List.of("ward-round"), s.stream().map(SectionFact::getCode).toList());
        assertEquals("主治医师查房记录 今查房，患者诉心慌。", s.get(0).getContent());
    }

    @Test
    void unfilledTemplateLabelsAndSignatureLinesAreEmpty() {
        String t = "体格检查\nT：℃   P：次/分    R ：次/分   BP：/mmHg\n体重：kg  指脉氧：%\n出院医嘱\n上级医师： 医师：\n记录时间：\n家族史\n无特殊。\n"
                + "以上病史情况属实（病史陈述者签字）：     签名时间： 年 月 日 时 分\n";
        List<SectionFact> s = detect(t);
        assertTrue(one(s, "physical-exam").isEmpty());
        assertTrue(one(s, "discharge-orders").isEmpty());
        SectionFact family = one(s, "family-history");
        assertFalse(family.isEmpty());
        assertEquals("无特殊。", family.getContent(), "the attestation line is not family history");
    }
}
