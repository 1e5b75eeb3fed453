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
 * "T 36.5℃ P 80次/分 R 18次/分 BP 120/80mmHg", "体温36.5℃，脉搏80次/分". Each value becomes a mention of kind
 * "vital" whose quote is the number, coded with its LOINC code and UCUM unit.
 */
public final class VitalSigns {
    private record Kind(String loinc, String display, String unit) { }

    private static final Kind SYSTOLIC = new Kind("8480-6", "Systolic blood pressure", "mm[Hg]");
    private static final Kind DIASTOLIC = new Kind("8462-4", "Diastolic blood pressure", "mm[Hg]");
    private static final Kind HEART_RATE = new Kind("8867-4", "Heart rate", "/min");
    private static final Kind RESP_RATE = new Kind("9279-1", "Respiratory rate", "/min");
    private static final Kind TEMP = new Kind("8310-5", "Body temperature", "Cel");
    private static final Kind SPO2 = new Kind("59408-5", "Oxygen saturation by pulse oximetry", "%");

    private static final Pattern BP = Pattern.compile("(?i)(?:\\bBP|blood pressure|血压)[\\s:：=]*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*(?:mm\\s?hg)?");
    private static final Pattern HR = Pattern.compile("(?i)(?:\\bHR\\b|heart rate|\\bpulse\\b|心率|脉搏|(?<![A-Za-z])P(?=[\\s:：]*\\d+\\s*次))[\\s:：=]*(\\d{1,3})\\s*(?:次/分|/min|bpm|beats/min)?");
    private static final Pattern RR = Pattern.compile("(?i)(?:\\bRR\\b|respiratory rate|resp(?:iration)?s?\\b|呼吸|(?<![A-Za-z])R(?=[\\s:：]*\\d+\\s*次))[\\s:：=]*(\\d{1,2})\\s*(?:次/分|/min|breaths/min)?");
    private static final Pattern TEMP_C = Pattern.compile("(?i)(?:\\bT\\b|temp(?:erature)?|体温)[\\s:：=]*(\\d{2}(?:\\.\\d{1,2})?)\\s*(?:°\\s?C|℃|C\\b|度)");
    private static final Pattern SPO2_P = Pattern.compile("(?i)(?:SpO2|SaO2|O2 sat(?:uration)?|血氧饱和度)[\\s:：=]*(\\d{2,3})\\s*%");

    private VitalSigns() { }

    public static List<MentionFact> find(String resourceType, String id, String text) {
        List<MentionFact> out = new ArrayList<>();
        Matcher m = BP.matcher(text);
        while (m.find()) {
            out.add(mention(resourceType, id, text, m.start(1), m.end(1), SYSTOLIC));
            out.add(mention(resourceType, id, text, m.start(2), m.end(2), DIASTOLIC));
        }
        add(out, resourceType, id, text, HR.matcher(text), HEART_RATE);
        add(out, resourceType, id, text, RR.matcher(text), RESP_RATE);
        add(out, resourceType, id, text, TEMP_C.matcher(text), TEMP);
        add(out, resourceType, id, text, SPO2_P.matcher(text), SPO2);
        return out;
    }

    private static void add(List<MentionFact> out, String type, String id, String text, Matcher m, Kind k) {
        while (m.find()) out.add(mention(type, id, text, m.start(1), m.end(1), k));
    }

    private static MentionFact mention(String type, String id, String text, int s, int e, Kind k) {
        MentionFact f = new MentionFact(type, id, "vital", text.substring(s, e), s, e);
        f.getCodes().add(new Coding(CodeSystems.LOINC, k.loinc(), k.display()));
        f.setValue(Double.parseDouble(text.substring(s, e)));
        f.setUnit(k.unit());
        return f;
    }
}
