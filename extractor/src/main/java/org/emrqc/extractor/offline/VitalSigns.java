package org.emrqc.extractor.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;

/**
 * Vital signs written in narrative, English and Chinese: "BP 120/80 mmHg", "HR 72", "T 38.5 C", "SpO2 95%",
 * "T 36.5℃ P 80次/分 R 18次/分 BP 120/80mmHg", "体温36.5℃，脉搏80次/分", "心率：102 次/分", "指脉氧：98%". Each value
 * becomes a mention of kind "vital" whose quote is the number, coded with its LOINC code and UCUM unit.
 *
 * <p>A value is read only next to its label ("血压：150/90", "心率为80次/分") and only when what follows it fits the
 * vital sign: its unit, or nothing but punctuation. "血压13588" (no separator) and "张口呼吸1年余" (a duration) are
 * not readings; a blood pressure in kPa is not read as mmHg.
 */
public final class VitalSigns {
    private record Kind(String loinc, String display, String unit) { }

    private static final Kind SYSTOLIC = new Kind("8480-6", "Systolic blood pressure", "mm[Hg]");
    private static final Kind DIASTOLIC = new Kind("8462-4", "Diastolic blood pressure", "mm[Hg]");
    private static final Kind HEART_RATE = new Kind("8867-4", "Heart rate", "/min");
    private static final Kind RESP_RATE = new Kind("9279-1", "Respiratory rate", "/min");
    private static final Kind TEMP = new Kind("8310-5", "Body temperature", "Cel");
    private static final Kind SPO2 = new Kind("59408-5", "Oxygen saturation by pulse oximetry", "%");

    /** Between a label and its value: blanks, a colon or "为"/"约". */
    private static final String SEP = "[\\h:：=]*(?:为|约|波动于)?\\h*";
    private static final Pattern BP = Pattern.compile("(?i)(?:\\bBP|blood pressure|血压)" + SEP + "(\\d{2,3})\\s*/\\s*(\\d{2,3})(?!\\d|\\.\\d)(\\s*[-~]?\\s*(?:mm\\s?hg|毫米汞柱))?");
    /** Pressures measured inside the heart or the pulmonary circulation (echo, catheter) are not the body's blood pressure. */
    private static final String NOT_ARTERIAL = "(?<!肺动脉)(?<!肺动脉估测)(?<!估测肺动脉)(?<!右室)(?<!右心室)(?<!左室)(?<!左心室)(?<!肺)(?<!门静脉)(?<!中心静脉)";
    private static final Pattern SBP = Pattern.compile("(?i)" + NOT_ARTERIAL + "(?:收缩压|\\bSBP)" + SEP + "(\\d{2,3})(?![\\d./])(\\s*(?:mm\\s?hg|毫米汞柱))?");
    private static final Pattern DBP = Pattern.compile("(?i)" + NOT_ARTERIAL + "(?:舒张压|\\bDBP)" + SEP + "(\\d{2,3})(?![\\d./])(\\s*(?:mm\\s?hg|毫米汞柱))?");
    private static final String RATE_UNIT = "(\\s*(?:次\\s*/\\s*分钟?|次/min|/min|bpm|beats/min|breaths/min|次每分钟?|次))?";
    private static final Pattern HR = Pattern.compile("(?i)(?:\\bHR\\b|heart rate|\\bpulse\\b|心率|脉搏|脉率|(?<![A-Za-z])P(?=[\\s:：]*\\d+\\s*次))" + SEP + "(\\d{1,3})(?!\\d|\\.\\d)" + RATE_UNIT);
    private static final Pattern RR = Pattern.compile("(?i)(?:\\bRR\\b|respiratory rate|resp(?:iration)?s?\\b|呼吸频率|呼吸|(?<![A-Za-z])R(?=[\\s:：]*\\d+\\s*次))" + SEP + "(\\d{1,3})(?!\\d|\\.\\d)" + RATE_UNIT);
    private static final Pattern TEMP_C = Pattern.compile("(?i)(?:\\bT\\b|temp(?:erature)?|体温)" + SEP + "(\\d{2}(?:\\.\\d{1,2})?)(\\s*(?:°\\s?C|℃|C\\b|度))");
    private static final Pattern SPO2_P = Pattern.compile("(?i)(?:SpO2|SaO2|O2 sat(?:uration)?|经皮血氧饱和度|血氧饱和度|氧饱和度|指脉氧|指尖血氧|脉氧|血氧)" + SEP + "(\\d{2,3})(\\s*%)");

    private VitalSigns() { }

    public static List<MentionFact> find(String resourceType, String id, String text) {
        List<MentionFact> out = new ArrayList<>();
        Matcher m = BP.matcher(text);
        while (m.find()) {
            if (m.group(3) == null && !endsReading(text, m.end())) continue;
            if (text.regionMatches(true, m.end(), "kpa", 0, 3) || text.startsWith("kPa", skipBlanks(text, m.end()))) continue;
            out.add(mention(resourceType, id, text, m.start(1), m.end(1), SYSTOLIC));
            out.add(mention(resourceType, id, text, m.start(2), m.end(2), DIASTOLIC));
        }
        add(out, resourceType, id, text, SBP.matcher(text), SYSTOLIC);
        add(out, resourceType, id, text, DBP.matcher(text), DIASTOLIC);
        add(out, resourceType, id, text, HR.matcher(text), HEART_RATE);
        add(out, resourceType, id, text, RR.matcher(text), RESP_RATE);
        add(out, resourceType, id, text, TEMP_C.matcher(text), TEMP);
        add(out, resourceType, id, text, SPO2_P.matcher(text), SPO2);
        out.sort((a, b) -> Integer.compare(a.getStart(), b.getStart()));
        return out;
    }

    /** Values with their unit, or without one when nothing but punctuation or the end follows. */
    private static void add(List<MentionFact> out, String type, String id, String text, Matcher m, Kind k) {
        while (m.find()) {
            boolean unit = m.groupCount() >= 2 && m.group(2) != null;
            if (!unit && !endsReading(text, m.end())) continue;
            out.add(mention(type, id, text, m.start(1), m.end(1), k));
        }
    }

    /** True when the value ends here: at the end of the text, or before punctuation or a blank and a next label. */
    private static boolean endsReading(String text, int at) {
        int i = skipBlanks(text, at);
        if (i >= text.length()) return true;
        char c = text.charAt(i);
        if ("，,。;；、)）]】\n".indexOf(c) >= 0) return true;
        // "88." at a sentence end, not a decimal
        if (c == '.' && (i + 1 >= text.length() || !Character.isDigit(text.charAt(i + 1)))) return true;
        // a blank, then the next label ("HR 88 RR 16", "T 36.5℃ P 80")
        return i > at && (Character.isLetter(c) && c < 0x2E80 || "体脉心呼血指".indexOf(c) >= 0);
    }

    private static int skipBlanks(String text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) != '\n' && (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i)))) i++;
        return i;
    }

    private static MentionFact mention(String type, String id, String text, int s, int e, Kind k) {
        MentionFact f = new MentionFact(type, id, "vital", text.substring(s, e), s, e);
        f.getCodes().add(new Coding(CodeSystems.LOINC, k.loinc(), k.display()));
        f.setValue(Double.parseDouble(text.substring(s, e)));
        f.setUnit(k.unit());
        return f;
    }
}
