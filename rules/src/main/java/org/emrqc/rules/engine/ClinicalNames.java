package org.emrqc.rules.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Localized;
import org.emrqc.model.SectionFact;

/**
 * The names a reviewer reads in a finding's message: documents by their Chinese and English titles (the title
 * the record gives, else the name of the document kind), sections by their titles, and "not recorded" for a
 * missing value. Codes such as first-progress-note or past-history never reach a message.
 */
public final class ClinicalNames {
    private static final Map<String, Localized> KINDS = new HashMap<>();
    private static final Map<String, Localized> SECTIONS = new HashMap<>();

    static {
        String[][] kinds = {
            {"admission-record", "admission record", "入院记录"},
            {"admission-discharge-24h", "admission and discharge record for a stay under 24 h", "24小时内入出院记录"},
            {"first-progress-note", "first progress note", "首次病程记录"},
            {"progress-note", "progress note", "日常病程记录"},
            {"superior-round", "attending physician's round note", "上级医师查房记录"},
            {"senior-round", "chief physician's round note", "副主任/主任医师查房记录"},
            {"ward-round", "ward round note", "查房记录"},
            {"preop-summary", "pre-operative summary", "术前小结"},
            {"preop-discussion", "pre-operative discussion", "术前讨论记录"},
            {"operative-note", "operative note", "手术记录"},
            {"postop-first-note", "first post-operative progress note", "术后首次病程记录"},
            {"postop-note", "post-operative progress note", "术后病程记录"},
            {"discharge-record", "discharge record", "出院记录"},
            {"death-record", "death record", "死亡记录"},
            {"death-discussion", "death case discussion", "死亡病例讨论记录"},
            {"front-sheet", "front sheet", "病案首页"},
            {"consultation", "consultation record", "会诊记录"},
            {"consent", "informed consent", "知情同意书"},
            {"history-and-physical", "history and physical", "入院记录（病史与体格检查）"},
            {"discharge-summary", "discharge summary", "出院小结"},
            {"procedure-note", "procedure note", "操作记录"},
            {"summary-of-episode", "summary of episode", "病情小结"},
            {"consent-surgery", "surgical consent", "手术知情同意书"},
            {"consent-anesthesia", "anaesthesia consent", "麻醉知情同意书"},
            {"consent-transfusion", "transfusion consent", "输血治疗知情同意书"},
            {"consent-special", "consent to a special examination or treatment", "特殊检查（治疗）知情同意书"},
            {"critical-notice", "critical-illness notice", "病危（重）通知书"},
            {"transfer-in-record", "transfer-in note", "转入记录"},
            {"transfer-out-record", "transfer-out note", "转出记录"},
            {"rescue-record", "rescue record", "抢救记录"},
            {"transfusion-record", "transfusion record", "输血记录"},
            {"consultation-request", "consultation request", "会诊申请单"},
            {"handover-record", "handover note", "交接班记录"},
            {"stage-summary", "stage summary", "阶段小结"},
            {"nursing-record", "nursing record", "护理记录"},
            {"anesthesia-record", "anaesthesia record", "麻醉记录"},
            {"anesthesia-preop-visit", "pre-anaesthetic visit", "麻醉术前访视记录"},
            {"anesthesia-postop-visit", "post-anaesthetic visit", "麻醉术后访视记录"},
            {"surgical-safety-check", "surgical safety checklist", "手术安全核查记录"},
            {"case-discussion", "difficult case discussion", "疑难病例讨论记录"},
            {"admission-death-24h", "admission and death record for a stay under 24 h", "24小时内入院死亡记录"},
        };
        for (String[] k : kinds) KINDS.put(k[0], new Localized(k[1], k[2]));
        String[][] sections = {
            {"chief-complaint", "chief complaint", "主诉"},
            {"hpi", "history of present illness", "现病史"},
            {"past-history", "past history", "既往史"},
            {"personal-history", "personal history", "个人史"},
            {"social-history", "social history", "个人史"},
            {"marital-history", "marital and reproductive history", "婚育史"},
            {"menstrual-history", "menstrual history", "月经史"},
            {"family-history", "family history", "家族史"},
            {"allergies", "allergies", "过敏史"},
            {"medications", "medications", "用药史"},
            {"physical-exam", "physical examination", "体格检查"},
            {"specialty-exam", "specialty examination", "专科情况"},
            {"investigations", "investigations", "辅助检查"},
            {"initial-diagnosis", "initial diagnosis", "初步诊断"},
            {"case-features", "case features", "病例特点"},
            {"diagnostic-basis", "basis of the diagnosis", "诊断依据"},
            {"differential-diagnosis", "differential diagnosis", "鉴别诊断"},
            {"diagnostic-discussion", "diagnostic discussion", "拟诊讨论"},
            {"plan", "plan", "诊疗计划"},
            {"assessment", "assessment", "病情评估"},
            {"assessment-plan", "assessment and plan", "病情评估与诊疗计划"},
            {"discharge-diagnosis", "discharge diagnosis", "出院诊断"},
            {"discharge-orders", "discharge orders", "出院医嘱"},
            {"admission-status", "condition on admission", "入院情况"},
            {"hospital-course", "hospital course", "诊疗经过"},
            {"discharge-status", "condition on discharge", "出院情况"},
            {"operation-course", "operative procedure", "手术经过"},
            {"operative-findings", "operative findings", "术中所见"},
            {"preoperative-diagnosis", "pre-operative diagnosis", "术前诊断"},
            {"postoperative-diagnosis", "post-operative diagnosis", "术后诊断"},
            {"operation-name", "operation", "手术名称"},
            {"anesthesia", "anaesthesia", "麻醉方式"},
            {"general", "general items", "一般项目"},
            {"surgical-history", "surgical and trauma history", "手术外伤史"},
            {"transfusion-history", "transfusion history", "输血史"},
            {"obstetric-history", "obstetric history", "生育史"},
            {"intraoperative-diagnosis", "intra-operative diagnosis", "术中诊断"},
            {"revised-diagnosis", "revised diagnosis", "修正诊断"},
            {"supplementary-diagnosis", "supplementary diagnosis", "补充诊断"},
            {"final-diagnosis", "final diagnosis", "最后诊断"},
            {"death-diagnosis", "diagnosis at death", "死亡诊断"},
            {"planned-operation", "planned operation", "拟行手术名称"},
            {"operation-date", "date of operation", "手术日期"},
            {"imaging-conclusion", "conclusion", "检查结论"},
            {"diagnosis", "diagnosis", "诊断"},
            {"informant", "informant", "病史陈述者"},
            {"ward-round", "ward round", "查房记录"},
            {"progress", "progress note", "病程记录"},
            {"nursing", "nursing note", "护理记录"},
            {"surgical-indication", "indication for surgery", "手术指征"},
            {"planned-anesthesia", "planned anaesthesia", "拟行麻醉方式"},
            {"preop-preparation", "pre-operative preparation", "术前准备"},
            {"risks", "risks and precautions", "注意事项"},
            {"case-summary", "case summary", "简要病情"},
        };
        for (String[] s : sections) SECTIONS.put(s[0], new Localized(s[1], s[2]));
    }

    private static final Map<String, Localized> ANALYTES = new HashMap<>();
    private static final Map<String, String> UNITS_ZH = new HashMap<>();
    private static final Map<String, Localized> FINDINGS = new HashMap<>();
    private static final Map<String, Localized> CODES = new HashMap<>();

    static {
        String[][] analytes = {
            {"8310-5", "体温"}, {"8867-4", "心率"}, {"9279-1", "呼吸频率"}, {"8480-6", "收缩压"}, {"8462-4", "舒张压"},
            {"8478-0", "平均动脉压"}, {"59408-5", "指脉氧饱和度"}, {"2708-6", "动脉血氧饱和度"}, {"2710-2", "血氧饱和度"},
            {"29463-7", "体重"}, {"8302-2", "身高"}, {"39156-5", "体重指数"}, {"72514-3", "疼痛评分"}, {"8339-4", "出生体重"},
            {"9843-4", "头围"}, {"2345-7", "血清葡萄糖"}, {"2339-0", "血糖"}, {"3094-0", "血清尿素氮"}, {"6299-2", "血尿素氮"},
            {"2160-0", "血清肌酐"}, {"38483-4", "血肌酐"}, {"17861-6", "血清钙"}, {"49765-1", "血钙"}, {"2951-2", "血清钠"},
            {"2947-0", "血钠"}, {"2823-3", "血清钾"}, {"6298-4", "血钾"}, {"2075-0", "血清氯"}, {"2069-3", "血氯"},
            {"2028-9", "血清总二氧化碳"}, {"1960-4", "动脉血碳酸氢根"}, {"19123-9", "血清镁"}, {"2777-1", "血清磷"},
            {"33914-3", "估算肾小球滤过率"}, {"62238-1", "估算肾小球滤过率"}, {"4548-4", "糖化血红蛋白"}, {"3084-1", "血尿酸"},
            {"2524-7", "血乳酸"}, {"2093-3", "总胆固醇"}, {"2085-9", "高密度脂蛋白胆固醇"}, {"18262-6", "低密度脂蛋白胆固醇"},
            {"13457-7", "低密度脂蛋白胆固醇"}, {"2571-8", "甘油三酯"}, {"1742-6", "丙氨酸氨基转移酶"}, {"1920-8", "天门冬氨酸氨基转移酶"},
            {"1751-7", "血清白蛋白"}, {"718-7", "血红蛋白"}, {"6690-2", "白细胞计数"}, {"777-3", "血小板计数"}, {"789-8", "红细胞计数"},
            {"1975-2", "总胆红素"}, {"6768-6", "碱性磷酸酶"}, {"2324-2", "γ-谷氨酰转移酶"}, {"2885-2", "血清总蛋白"},
        };
        for (String[] a : analytes) ANALYTES.put(a[0], new Localized(null, a[1]));
        String[][] units = {
            {"mm[Hg]", "mmHg"}, {"Cel", "℃"}, {"[degF]", "℉"}, {"/min", "次/分"}, {"kg/m2", "kg/m²"}, {"10*9/L", "×10⁹/L"},
            {"10*12/L", "×10¹²/L"}, {"[lb_av]", "磅"}, {"[in_i]", "英寸"}, {"{score}", "分"}, {"mL/min/{1.73_m2}", "mL/min/1.73m²"},
            {"a", "岁"}, {"mo", "月"}, {"d", "天"}, {"h", "小时"},
        };
        for (String[] u : units) UNITS_ZH.put(u[0], u[1]);
        String[][] findings = {
            {"hypokalaemia", "低钾血症"}, {"hyperkalaemia", "高钾血症"}, {"hyponatraemia", "低钠血症"}, {"hypernatraemia", "高钠血症"},
            {"hypoalbuminaemia", "低白蛋白血症"}, {"anaemia", "贫血"}, {"hypoglycaemia", "低血糖"}, {"hyperglycaemia", "高血糖"},
        };
        for (String[] f : findings) FINDINGS.put(f[0], new Localized(f[0], f[1]));
        String[][] codes = {
            {"gender:male", "male", "男"}, {"gender:female", "female", "女"}, {"gender:other", "other", "其他"}, {"gender:unknown", "unknown", "未知"},
            {"marital:M", "married", "已婚"}, {"marital:S", "never married", "未婚"}, {"marital:U", "unmarried", "未婚"},
            {"marital:D", "divorced", "离婚"}, {"marital:W", "widowed", "丧偶"}, {"marital:L", "legally separated", "分居"},
            {"marital:A", "annulled", "婚姻无效"}, {"marital:P", "polygamous", "多配偶"}, {"marital:T", "domestic partner", "同居"},
            {"marital:I", "interlocutory", "离婚诉讼中"}, {"marital:UNK", "unknown", "不详"},
            {"class:IMP", "inpatient", "住院"}, {"class:ACUTE", "inpatient acute", "住院"}, {"class:NONAC", "inpatient non-acute", "住院"},
            {"class:EMER", "emergency", "急诊"}, {"class:AMB", "ambulatory", "门诊"}, {"class:OBSENC", "observation", "留观"},
            {"class:SS", "short stay", "日间"}, {"class:HH", "home health", "家庭医疗"}, {"class:VR", "virtual", "远程"},
            {"dose:single", "single", "单次"}, {"dose:daily", "daily", "日"},
            {"status:active", "active", "活动"}, {"status:recurrence", "recurrence", "复发"}, {"status:relapse", "relapse", "再发"},
            {"comparator:<", "below", "低于"}, {"comparator:>", "above", "高于"},
        };
        for (String[] c : codes) CODES.put(c[0], new Localized(c[1], c[2]));
    }

    /** A coded value's name: "gender", "marital", "class", "dose", "status" or "comparator" with its code. */
    public static Localized code(String table, String code) {
        if (code == null) return NOT_RECORDED;
        Localized n = CODES.get(table + ":" + code);
        return n != null ? n : Localized.of(code);
    }

    /** A unit as a reader writes it: mm[Hg] → mmHg, Cel → ℃, /min → 次/分 (Chinese), the UCUM code in English. */
    public static Localized unit(String ucum) {
        if (ucum == null) return new Localized("", "");
        String zh = UNITS_ZH.get(ucum);
        String en = "mm[Hg]".equals(ucum) ? "mmHg" : "Cel".equals(ucum) ? "°C" : ucum;
        return new Localized(en, zh != null ? zh : en);
    }

    /** An analyte: its label as recorded (kept when Chinese), else the Chinese name of its LOINC code. */
    public static Localized analyte(String label, String loinc) {
        boolean chinese = label != null && label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        Localized known = loinc == null ? null : ANALYTES.get(loinc);
        String en = label != null ? label : loinc;
        if (chinese) return new Localized(en, label);
        return new Localized(en, known != null ? known.zh() : en);
    }

    /** A lab finding (hypokalaemia …) in both languages. */
    public static Localized finding(String finding) {
        if (finding == null) return NOT_RECORDED;
        Localized n = FINDINGS.get(finding);
        return n != null ? n : Localized.of(finding);
    }

    private static final String[][] PROBLEMS = {
        {"^empty$", "为空"},
        {"^not 18 characters$", "不是18位"},
        {"^non-digit in the first 17 characters$", "前17位含非数字字符"},
        {"^invalid birth date (.+)$", "出生日期$1无效"},
        {"^check character (.+) does not match the computed (.+)$", "校验码$1与计算值$2不符"},
        {"^contains whitespace$", "含空格"},
        {"^first character (.+) is not an upper-case letter A\u2013Z$", "首字符$1不是大写字母A–Z"},
        {"^no ICD-10 code system given$", "未注明ICD-10编码版本"},
        {"^not a well-formed WHO ICD-10 code$", "不符合WHO ICD-10编码格式"},
        {"^not a well-formed ICD-10-CM code$", "不符合ICD-10-CM编码格式"},
        {"^not a well-formed Chinese clinical/insurance edition ICD-10 code$", "不符合ICD-10国家临床版/医保版编码格式"},
        {"^unknown ICD-10 code system (.+)$", "未知的ICD-10编码体系$1"},
        {"^not 1\u20137 digits, a hyphen and a check digit$", "不是“1–7位数字-校验位”格式"},
        {"^check digit (.+) does not match the mod-10 digit (.+)$", "校验位$1与mod-10计算值$2不符"},
        {"^contains characters other than digits$", "含非数字字符"},
        {"^not 6\u201318 digits$", "不是6–18位数字"},
        {"^leading zero$", "以0开头"},
        {"^partition identifier (.+) is not a concept/description/relationship partition$", "分区标识$1不是概念、描述或关系分区"},
        {"^check digit (.+) does not match the Verhoeff digit (.+)$", "校验位$1与Verhoeff计算值$2不符"},
    };

    /** A code check's reason (the code classes give it in English) in both languages. */
    public static Localized problem(String en) {
        if (en == null) return NOT_RECORDED;
        for (String[] p : PROBLEMS) {
            if (en.matches(p[0])) return new Localized(en, en.replaceAll(p[0], p[1]));
        }
        return Localized.of(en);
    }

    /** Shown for a value the record does not have. */
    public static final Localized NOT_RECORDED = new Localized("not recorded", "未记录");
    /** Shown for "no such document". */
    public static final Localized NONE = new Localized("none", "无");

    private ClinicalNames() { }

    /** The name of a document kind, e.g. first-progress-note → 首次病程记录 / first progress note. */
    public static Localized kind(String kind) {
        if (kind == null) return new Localized("document", "文书");
        Localized n = KINDS.get(kind);
        return n != null ? n : Localized.of(kind);
    }

    /** The names of several kinds, joined ("入院记录或24小时内入出院记录"). */
    public static Localized kinds(List<?> kinds) {
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        for (Object k : kinds) {
            Localized n = kind(String.valueOf(k));
            if (en.length() > 0) {
                en.append(" or ");
                zh.append("或");
            }
            en.append(n.en());
            zh.append(n.zh());
        }
        return new Localized(en.toString(), zh.toString());
    }

    /** A document as the reviewer knows it: its title as written (Chinese), else the name of its kind. */
    public static Localized document(DocumentFact d) {
        if (d == null) return kind(null);
        Localized byKind = d.getKind() != null ? kind(d.getKind()) : null;
        String title = d.getTitle() != null && !d.getTitle().isBlank() ? d.getTitle().strip()
                : d.getText() != null && !d.getText().isBlank() ? d.getText().strip() : null;
        if (title == null) return byKind != null ? byKind : kind(null);
        boolean chinese = title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        if (chinese) return new Localized(byKind != null ? byKind.en() : title, title);
        return new Localized(title, byKind != null ? byKind.zh() : title);
    }

    /** A section code's name, e.g. past-history → 既往史 / past history. */
    public static Localized section(String code) {
        if (code == null) return new Localized("section", "段落");
        Localized n = SECTIONS.get(code);
        return n != null ? n : Localized.of(code);
    }

    /** A section as written: its own title (the Chinese header), with the English name of its code. */
    public static Localized section(SectionFact s) {
        if (s == null) return section((String) null);
        Localized byCode = s.getCode() != null ? SECTIONS.get(s.getCode()) : null;
        String title = s.getTitle();
        if (title == null || title.isBlank()) return byCode != null ? byCode : section((String) null);
        boolean chinese = title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        if (chinese) return new Localized(byCode != null ? byCode.en() : title, title.strip());
        return new Localized(title.strip(), byCode != null ? byCode.zh() : title.strip());
    }

    /** Several section codes (an "a|b" entry = either) as names, joined with "、" / ", ". */
    public static Localized sections(List<String> codes) {
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        for (String c : codes) {
            StringBuilder e1 = new StringBuilder();
            StringBuilder z1 = new StringBuilder();
            for (String alt : c.split("\\|")) {
                Localized n = section(alt);
                if (e1.length() > 0) {
                    e1.append(" or ");
                    z1.append("或");
                }
                e1.append(n.en());
                z1.append(n.zh());
            }
            if (en.length() > 0) {
                en.append(", ");
                zh.append("、");
            }
            en.append(e1);
            zh.append(z1);
        }
        return new Localized(en.toString(), zh.toString());
    }
}
