package org.emrqc.extractor.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.model.SectionFact;

/**
 * Finds the sections of a clinical narrative: Markdown-style headers ("# Allergies"), "Header:" at the start
 * of a line (English), and Chinese headers as real notes write them — alone on a line (a Composition's section
 * titles), followed by "：" with the content on the same line ("主诉：腹痛3天"), wrapped in 【】, numbered
 * ("一、主诉", "1.现病史", "（二）既往史"), spaced ("主  诉"), after a record date ("2025-07-15 18:42 日常病程记录"),
 * or inside a line after a full stop ("…超声示阑尾增粗。鉴别诊断：…"). Signature lines ("医师签名：", "记录时间：")
 * end the section before them; a ward-round body ("今日查房…", "张主任医师查房：…") outside any section is one.
 * Each section's content runs to the next header; offsets index the document text. Content that is blank, only
 * placeholders ("无", "暂缺", "None", "—") or only template labels left unfilled ("T：℃ P：次/分") is empty;
 * a known template phrase left unedited ("详见首程") is boilerplate.
 */
public final class SectionDetector {
    /** Header text (lower case, no blanks) → normalized section code. */
    private static final Map<String, String> CODES = new LinkedHashMap<>();

    static {
        String[][] pairs = {
            {"chief complaint", "chief-complaint"}, {"cc", "chief-complaint"}, {"主诉", "chief-complaint"},
            {"history of present illness", "hpi"}, {"hpi", "hpi"}, {"现病史", "hpi"}, {"简要病史", "hpi"},
            {"past medical history", "past-history"}, {"past history", "past-history"}, {"pmh", "past-history"}, {"既往史", "past-history"},
            {"既往病史", "past-history"},
            {"social history", "social-history"}, {"个人史", "personal-history"}, {"个人生活史", "personal-history"},
            {"婚育史", "marital-history"}, {"婚姻史", "marital-history"}, {"婚姻生育史", "marital-history"}, {"生育史", "marital-history"},
            {"婚育月经史", "marital-history"}, {"月经婚育史", "marital-history"},
            {"月经史", "menstrual-history"}, {"月经生育史", "menstrual-history"},
            {"family history", "family-history"}, {"家族史", "family-history"},
            {"allergies", "allergies"}, {"allergy", "allergies"}, {"过敏史", "allergies"}, {"药物过敏史", "allergies"},
            {"手术外伤史", "surgical-history"}, {"手术史", "surgical-history"}, {"外伤手术史", "surgical-history"}, {"输血史", "transfusion-history"},
            {"medications", "medications"}, {"current medications", "medications"}, {"用药史", "medications"},
            {"physical examination", "physical-exam"}, {"physical exam", "physical-exam"}, {"体格检查", "physical-exam"}, {"查体", "physical-exam"},
            {"专科情况", "specialty-exam"}, {"专科检查", "specialty-exam"},
            {"辅助检查", "investigations"}, {"实验室及器械检查", "investigations"}, {"入院前辅助检查", "investigations"}, {"院外辅助检查", "investigations"},
            {"results", "investigations"}, {"laboratory", "investigations"},
            {"初步诊断", "initial-diagnosis"}, {"入院诊断", "initial-diagnosis"}, {"入院初步诊断", "initial-diagnosis"},
            {"修正诊断", "revised-diagnosis"}, {"补充诊断", "supplementary-diagnosis"}, {"最后诊断", "final-diagnosis"}, {"确定诊断", "final-diagnosis"}, {"死亡诊断", "death-diagnosis"},
            {"目前诊断", "diagnosis"}, {"诊断", "diagnosis"},
            {"assessment and plan", "assessment-plan"}, {"assessment", "assessment"}, {"plan", "plan"},
            {"病例特点", "case-features"}, {"诊断依据", "diagnostic-basis"}, {"鉴别诊断", "differential-diagnosis"},
            {"拟诊讨论", "diagnostic-discussion"}, {"初步诊断及鉴别诊断", "diagnostic-discussion"}, {"诊疗计划", "plan"}, {"诊疗方案", "plan"},
            {"治疗计划", "plan"}, {"病情评估", "assessment"},
            {"出院诊断", "discharge-diagnosis"}, {"出院医嘱", "discharge-orders"}, {"出院带药", "discharge-orders"},
            {"入院情况", "admission-status"}, {"诊疗经过", "hospital-course"}, {"住院经过", "hospital-course"}, {"出院情况", "discharge-status"},
            {"手术经过", "operation-course"}, {"手术经过、术中发现的情况及处理", "operation-course"}, {"手术简要经过", "operation-course"},
            {"手术简要结果如下", "operation-course"}, {"术中所见", "operative-findings"}, {"术中情况", "operative-findings"},
            {"术前诊断", "preoperative-diagnosis"}, {"术中诊断", "intraoperative-diagnosis"}, {"术后诊断", "postoperative-diagnosis"},
            {"手术名称", "operation-name"}, {"手术方式", "operation-name"}, {"拟行手术名称", "planned-operation"}, {"拟施手术名称", "planned-operation"},
            {"手术时间", "operation-date"}, {"手术日期", "operation-date"}, {"麻醉方式", "anesthesia"}, {"麻醉方法", "anesthesia"}, {"拟行麻醉方式", "planned-anesthesia"},
            {"拟施麻醉方式", "planned-anesthesia"}, {"手术指征", "surgical-indication"}, {"术前准备", "preop-preparation"},
            {"注意事项", "risks"}, {"可能出现的意外及防范措施", "risks"}, {"手术要点", "plan"}, {"手术计划", "plan"}, {"简要病情", "case-summary"},
            {"一般项目", "general"}, {"病史陈述者", "informant"}, {"病历陈述者", "informant"},
            {"查房记录", "ward-round"}, {"主治医师查房记录", "ward-round"}, {"主任医师查房记录", "ward-round"}, {"副主任医师查房记录", "ward-round"},
            {"上级医师查房记录", "ward-round"}, {"科主任查房记录", "ward-round"}, {"主治医生查房记录", "ward-round"},
            {"病程记录", "progress"}, {"日常病程记录", "progress"}, {"首次病程记录", "progress"}, {"术后首次病程记录", "progress"},
            {"术后病程记录", "progress"}, {"日常护理记录", "nursing"}, {"护理记录", "nursing"},
            {"医师签名", "signature"}, {"上级医师签名", "signature"}, {"主刀医师签名", "signature"}, {"记录者签名", "signature"},
            {"记录时间", "signature"}, {"签名时间", "signature"}, {"上级医师", "signature"}, {"医师", "signature"}, {"记录医师", "signature"},
            {"hospital course", "hospital-course"}, {"discharge diagnosis", "discharge-diagnosis"}
        };
        for (String[] p : pairs) CODES.put(p[0], p[1]);
    }

    /** Headers also read inside a line, after a full stop ("…。鉴别诊断：…"). */
    private static final Set<String> INLINE = Set.of("主诉", "现病史", "既往史", "个人史", "婚育史", "月经史", "家族史", "体格检查", "查体",
            "专科检查", "专科情况", "辅助检查", "初步诊断", "入院诊断", "诊断依据", "鉴别诊断", "诊疗计划", "病例特点", "拟诊讨论", "手术经过",
            "术中所见", "术前诊断", "术中诊断", "术后诊断", "手术名称", "麻醉方式", "出院诊断", "出院医嘱", "入院情况", "诊疗经过", "出院情况",
            "修正诊断", "补充诊断", "手术指征");

    private static final String ENUM = "(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[、.．)）]\\s*)?";
    private static final String TITLE = "[\\p{IsHan}][\\p{IsHan}\\h、]{0,20}?";
    private static final Pattern MARKDOWN = Pattern.compile("(?m)^\\h*#{1,6}\\h*([^\\n#]{1,60}?)\\h*$");
    private static final Pattern COLON = Pattern.compile("(?m)^\\h*" + ENUM + "\\h*(?:【([^】\\n]{1,20})】|\\[([\\p{IsHan}]{2,16})\\]|("
            + TITLE + "|[A-Za-z][A-Za-z /&]{0,30}?)\\h*[:：])");
    private static final Pattern ALONE = Pattern.compile("(?m)^\\h*(?:(?:19|20)\\d{2}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?(?:\\h+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\h+)?"
            + ENUM + "\\h*(" + TITLE + ")\\h*$");
    private static final Pattern INLINE_HEADER = Pattern.compile("(?<=[。；;])\\h*" + ENUM + "\\h*([\\p{IsHan}]{2,8})\\h*[:：]");
    /** A line that attests: "以上病史情况属实（病史陈述者签字）：", "主刀医师签名：". */
    private static final Pattern SIGNATURE_LINE = Pattern.compile("(?m)^\\h*([^\\n：:]{0,24}?(?:签名|签字)[）)]?)\\h*[:：]");
    /** A ward-round body written without a header: "今日查房…", "张主任医师查房：…". */
    private static final Pattern ROUND_BODY = Pattern.compile("(?m)^\\h*(?:[\\p{IsHan}]{0,12}查房记录\\h+)?(?=今[日天]?[^，,。\\n]{0,15}查房|[^，,。\\n]{1,16}医[师生]查房[,，:：。])");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^[\\s。.,，:：;；\\-—_/]*(无|none|n/?a|nil|not applicable|暂无|暂缺|略|空白|[-—_/]+)?[\\s。.,，;；]*$");
    /** A template label left unfilled: "T：℃", "体重：kg", "签名时间： 年 月 日". */
    private static final Pattern EMPTY_LABELS = Pattern.compile("[\\p{IsHan}A-Za-z0-9（）()/]{1,12}\\h*[:：]|℃|°C|次/分|mmHg|kg|cm|mm|ml|%|[年月日时分]|[\\s。.,，;；、：:\\-—_/]");
    private static final List<String> BOILERPLATE = List.of("详见", "同前", "见上", "xxx", "XXX", "××", "待补充", "（请填写）", "(请填写)", "请填写");

    /** The normalized code of a header text, or null when it is not a known section header. */
    public static String code(String header) {
        if (header == null) return null;
        String h = normalize(header).toLowerCase(Locale.ROOT);
        return CODES.get(h);
    }

    /** A header as a title: without blanks inside Chinese ("主  诉" → "主诉") and around it. */
    static String normalize(String header) {
        String h = header.strip();
        if (h.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) h = h.replaceAll("[\\s\\h]+", "");
        return h;
    }

    public List<SectionFact> detect(NarrativeDocument doc) {
        String text = doc.text();
        List<Header> headers = new ArrayList<>();
        Matcher m = MARKDOWN.matcher(text);
        while (m.find()) add(headers, m.start(), m.end(), m.group(1), false);
        m = COLON.matcher(text);
        while (m.find()) add(headers, m.start(), m.end(), m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3), true);
        m = ALONE.matcher(text);
        while (m.find()) add(headers, m.start(), m.end(), m.group(1), true);
        m = INLINE_HEADER.matcher(text);
        while (m.find()) if (INLINE.contains(m.group(1))) add(headers, m.start(), m.end(), m.group(1), true);
        m = SIGNATURE_LINE.matcher(text);
        while (m.find()) {
            boolean known = false;
            for (Header h : headers) known |= h.start <= m.start() && m.start() < h.end;
            if (!known) headers.add(new Header(m.start(), m.end(), "签名", "signature"));
        }
        headers.sort((a, b) -> Integer.compare(a.start, b.start));
        m = ROUND_BODY.matcher(text);
        while (m.find()) {
            // a round's body outside any round or progress section begins one
            Header before = null;
            for (Header h : headers) if (h.start <= m.start()) before = h;
            if (before != null && ("ward-round".equals(before.code) || "progress".equals(before.code) || "nursing".equals(before.code))) continue;
            if (before != null && before.start == m.start()) continue;
            headers.add(new Header(m.start(), m.end(), "查房记录", "ward-round"));
            headers.sort((a, b) -> Integer.compare(a.start, b.start));
        }
        // overlapping matches: keep the first
        List<Header> kept = new ArrayList<>();
        for (Header h : headers) if (kept.isEmpty() || h.start >= kept.get(kept.size() - 1).end) kept.add(h);
        List<SectionFact> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Header h = kept.get(i);
            int contentStart = h.end;
            int contentEnd = i + 1 < kept.size() ? kept.get(i + 1).start : text.length();
            // a header repeated right away (a title line, then the same title after the record date): one section
            if (i + 1 < kept.size() && h.code != null && h.code.equals(kept.get(i + 1).code) && blankBetween(text, contentStart, contentEnd)) continue;
            if ("signature".equals(h.code)) continue; // signature lines only end the section before them
            // trim the content span to its non-blank part, so it slices to what is written
            int s = contentStart;
            int e = contentEnd;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
            String trimmed = text.substring(s, e);
            boolean empty = PLACEHOLDER.matcher(trimmed).matches() || EMPTY_LABELS.matcher(trimmed).replaceAll("").isEmpty();
            boolean boilerplate = !empty && BOILERPLATE.stream().anyMatch(trimmed::contains) && trimmed.length() < 40;
            SectionFact f = new SectionFact(doc.resourceType(), doc.id(), h.title, h.code, s, e, trimmed, empty, boilerplate);
            f.setPatientId(doc.patientId());
            f.setEncounterId(doc.encounterId());
            out.add(f);
        }
        return out;
    }

    private static boolean blankBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    private record Header(int start, int end, String title, String code) { }

    private static void add(List<Header> headers, int start, int end, String title, boolean mustBeKnown) {
        if (title == null) return;
        String t = normalize(title);
        String code = code(t);
        if (mustBeKnown && code == null) return;
        for (Header h : headers) if (h.start == start) return;
        headers.add(new Header(start, end, t, code));
    }

    /** The section containing an offset, or null. */
    public static SectionFact at(List<SectionFact> sections, int offset) {
        SectionFact hit = null;
        for (SectionFact s : sections) {
            if (s.getStart() <= offset && offset <= s.getEnd()) hit = s;
        }
        return hit;
    }
}
