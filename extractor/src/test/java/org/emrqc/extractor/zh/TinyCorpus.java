package org.emrqc.extractor.zh;

import java.util.ArrayList;
import java.util.List;

/** Twenty short hand-written clinical sentences with their mentions (written for these tests). */
final class TinyCorpus {
    private TinyCorpus() { }

    /** A text and "mention/label" pairs, found left to right in the text. */
    static AnnotatedText doc(String text, String... mentions) {
        List<NerSpan> spans = new ArrayList<>();
        int from = 0;
        for (String m : mentions) {
            int slash = m.lastIndexOf('/');
            String mention = m.substring(0, slash);
            int at = text.indexOf(mention, from);
            if (at < 0) throw new IllegalArgumentException(mention + " not in " + text);
            spans.add(new NerSpan(at, at + mention.length(), m.substring(slash + 1)));
            from = at + mention.length();
        }
        return new AnnotatedText(text, spans);
    }

    static List<AnnotatedText> sentences() {
        return List.of(
                doc("患者3天前出现腹痛，行阑尾切除术，予头孢呋辛抗感染。", "腹痛/症状", "阑尾切除术/手术", "头孢呋辛/药物"),
                doc("胸部CT示右肺下叶结节，考虑肺癌可能。", "胸部CT/影像检查", "右肺下叶/解剖部位", "肺癌/疾病和诊断"),
                doc("血常规示白细胞计数升高，予阿莫西林口服。", "血常规/实验室检验", "白细胞计数/实验室检验", "阿莫西林/药物"),
                doc("患者既往有高血压病史，长期服用硝苯地平控制血压。", "高血压/疾病和诊断", "硝苯地平/药物"),
                doc("入院后行腹部彩超检查，提示胆囊结石。", "腹部彩超/影像检查", "胆囊结石/疾病和诊断"),
                doc("术后病理示胃腺癌，行腹腔镜下胃大部切除术。", "胃腺癌/疾病和诊断", "腹腔镜下胃大部切除术/手术"),
                doc("患者诉头晕、乏力，无发热。", "头晕/症状", "乏力/症状", "发热/症状"),
                doc("查体：左下肢水肿，右侧腹股沟区可触及包块。", "左下肢/解剖部位", "水肿/症状", "右侧腹股沟区/解剖部位", "包块/症状"),
                doc("肝功能示谷丙转氨酶升高，予多烯磷脂酰胆碱护肝治疗。", "肝功能/实验室检验", "谷丙转氨酶/实验室检验", "多烯磷脂酰胆碱/药物"),
                doc("头颅MRI未见明显异常，诊断为脑梗死。", "头颅MRI/影像检查", "脑梗死/疾病和诊断"),
                doc("患者2年前因乳腺癌行左乳改良根治术，术后予紫杉醇化疗。", "乳腺癌/疾病和诊断", "左乳改良根治术/手术", "紫杉醇/药物"),
                doc("心电图提示窦性心动过速，予美托洛尔减慢心率。", "心电图/影像检查", "窦性心动过速/疾病和诊断", "美托洛尔/药物"),
                doc("患者咳嗽、咳痰1周，胸片示双肺纹理增粗。", "咳嗽/症状", "咳痰/症状", "胸片/影像检查", "双肺/解剖部位"),
                doc("尿常规示尿蛋白阳性，诊断为慢性肾炎。", "尿常规/实验室检验", "尿蛋白/实验室检验", "慢性肾炎/疾病和诊断"),
                doc("行胃镜检查示十二指肠溃疡，予奥美拉唑抑酸。", "胃镜/影像检查", "十二指肠溃疡/疾病和诊断", "奥美拉唑/药物"),
                doc("患者右上腹疼痛，伴恶心呕吐。", "右上腹/解剖部位", "疼痛/症状", "恶心/症状", "呕吐/症状"),
                doc("2型糖尿病患者，予二甲双胍及胰岛素降糖治疗。", "2型糖尿病/疾病和诊断", "二甲双胍/药物", "胰岛素/药物"),
                doc("行经皮冠状动脉介入术，术后予阿司匹林抗血小板。", "经皮冠状动脉介入术/手术", "阿司匹林/药物"),
                doc("甲状腺彩超示甲状腺右叶结节，血清促甲状腺激素正常。", "甲状腺彩超/影像检查", "甲状腺右叶/解剖部位", "促甲状腺激素/实验室检验"),
                doc("患者腰痛，腰椎CT示腰椎间盘突出症，行腰椎间盘切除术。", "腰痛/症状", "腰椎CT/影像检查", "腰椎间盘突出症/疾病和诊断", "腰椎间盘切除术/手术"));
    }
}
