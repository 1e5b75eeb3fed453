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
        };
        for (String[] s : sections) SECTIONS.put(s[0], new Localized(s[1], s[2]));
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
