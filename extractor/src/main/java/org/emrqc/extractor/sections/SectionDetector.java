package org.emrqc.extractor.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.model.SectionFact;

/**
 * Finds the sections of a clinical narrative: Markdown-style headers ("# Allergies"), "Header:" at the start
 * of a line (English), and Chinese headers at the start of a line, alone or followed by "：" or wrapped in
 * 【】 (主诉：…, 【现病史】…). Each section's content runs to the next header; offsets index the document text.
 * Content that is blank, or only placeholders such as "无", "None", "N/A", "—", is empty; content that is a known
 * template phrase left unedited is boilerplate.
 */
public final class SectionDetector {
    /** Header text (lower case) → normalized section code. */
    private static final Map<String, String> CODES = new LinkedHashMap<>();

    static {
        String[][] pairs = {
            {"chief complaint", "chief-complaint"}, {"cc", "chief-complaint"}, {"主诉", "chief-complaint"},
            {"history of present illness", "hpi"}, {"hpi", "hpi"}, {"现病史", "hpi"},
            {"past medical history", "past-history"}, {"past history", "past-history"}, {"pmh", "past-history"}, {"既往史", "past-history"},
            {"social history", "social-history"}, {"个人史", "personal-history"},
            {"婚育史", "marital-history"}, {"月经史", "menstrual-history"}, {"婚育月经史", "marital-history"},
            {"family history", "family-history"}, {"家族史", "family-history"},
            {"allergies", "allergies"}, {"allergy", "allergies"}, {"过敏史", "allergies"},
            {"medications", "medications"}, {"current medications", "medications"}, {"用药史", "medications"},
            {"physical examination", "physical-exam"}, {"physical exam", "physical-exam"}, {"体格检查", "physical-exam"}, {"查体", "physical-exam"},
            {"专科情况", "specialty-exam"}, {"专科检查", "specialty-exam"},
            {"辅助检查", "investigations"}, {"results", "investigations"}, {"laboratory", "investigations"},
            {"初步诊断", "initial-diagnosis"}, {"入院诊断", "initial-diagnosis"}, {"assessment and plan", "assessment-plan"},
            {"assessment", "assessment"}, {"plan", "plan"},
            {"病例特点", "case-features"}, {"诊断依据", "diagnostic-basis"}, {"鉴别诊断", "differential-diagnosis"},
            {"拟诊讨论", "diagnostic-discussion"}, {"诊疗计划", "plan"}, {"出院诊断", "discharge-diagnosis"},
            {"出院医嘱", "discharge-orders"}, {"入院情况", "admission-status"}, {"诊疗经过", "hospital-course"},
            {"出院情况", "discharge-status"}, {"手术经过", "operation-course"}, {"术中所见", "operative-findings"},
            {"术前诊断", "preoperative-diagnosis"}, {"术后诊断", "postoperative-diagnosis"}, {"手术名称", "operation-name"},
            {"麻醉方式", "anesthesia"}, {"hospital course", "hospital-course"}, {"discharge diagnosis", "discharge-diagnosis"}
        };
        for (String[] p : pairs) CODES.put(p[0], p[1]);
    }

    private static final Pattern MARKDOWN = Pattern.compile("(?m)^[ \\t]*#{1,6}[ \\t]*([^\\n#]{1,60}?)[ \\t]*$");
    private static final Pattern COLON = Pattern.compile("(?m)^[ \\t]*(?:【([^】\\n]{1,12})】|([\\p{IsHan}A-Za-z][\\p{IsHan}A-Za-z /&]{0,30}?)[ \\t]*[:：])");
    private static final Pattern CHINESE_ALONE = Pattern.compile("(?m)^[ \\t]*([\\p{IsHan}]{2,8})[ \\t]*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^[\\s。.,，:：;；\\-—_/]*(无|none|n/?a|nil|not applicable|暂无|[-—_/]+)?[\\s。.,，;；]*$");
    private static final List<String> BOILERPLATE = List.of("详见", "同前", "见上", "xxx", "XXX", "××", "待补充", "（请填写）", "(请填写)", "请填写");

    /** The normalized code of a header text, or null when it is not a known section header. */
    public static String code(String header) {
        if (header == null) return null;
        String h = header.strip().toLowerCase(Locale.ROOT);
        return CODES.get(h);
    }

    public List<SectionFact> detect(NarrativeDocument doc) {
        String text = doc.text();
        List<int[]> headers = new ArrayList<>(); // start of header, end of header, index into titles
        List<String> titles = new ArrayList<>();
        Matcher m = MARKDOWN.matcher(text);
        while (m.find()) add(headers, titles, m.start(), m.end(), m.group(1), false);
        m = COLON.matcher(text);
        while (m.find()) add(headers, titles, m.start(), m.end(), m.group(1) != null ? m.group(1) : m.group(2), true);
        m = CHINESE_ALONE.matcher(text);
        while (m.find()) add(headers, titles, m.start(), m.end(), m.group(1), true);
        headers.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<SectionFact> out = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            int[] h = headers.get(i);
            if (i > 0 && h[0] < headers.get(i - 1)[1]) continue; // overlapping matches: keep the first
            int contentStart = h[1];
            int contentEnd = i + 1 < headers.size() ? headers.get(i + 1)[0] : text.length();
            String title = titles.get(h[2]);
            String content = text.substring(contentStart, contentEnd);
            String code = code(title);
            // trim the content span to its non-blank part, so it slices to what is written
            int s = contentStart;
            int e = contentEnd;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
            String trimmed = text.substring(s, e);
            boolean empty = PLACEHOLDER.matcher(trimmed).matches();
            boolean boilerplate = !empty && BOILERPLATE.stream().anyMatch(trimmed::contains) && trimmed.length() < 40;
            SectionFact f = new SectionFact(doc.resourceType(), doc.id(), title, code, s, e, trimmed, empty, boilerplate);
            f.setPatientId(doc.patientId());
            f.setEncounterId(doc.encounterId());
            out.add(f);
        }
        return out;
    }

    private static void add(List<int[]> headers, List<String> titles, int start, int end, String title, boolean mustBeKnown) {
        if (title == null) return;
        String t = title.strip();
        if (mustBeKnown && code(t) == null) return;
        for (int[] h : headers) if (h[0] == start) return;
        titles.add(t);
        headers.add(new int[]{start, end, titles.size() - 1});
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
