package org.emrqc.extractor.offline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.model.MentionFact;

/**
 * Relations written right after a mention, within its clause: a medication's dose, route and frequency
 * ("500 mg orally twice daily", "0.5g 口服 每日三次", "tid"), and a lab test's value and unit ("3.1 mmol/L",
 * "血钾3.1mmol/L").
 */
public final class Relations {
    private static final Pattern DOSE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(mg|g|mcg|μg|ug|ml|mL|iu|IU|u|U|片|粒|支|袋|毫克|克)\\b?");
    private static final Pattern ROUTE = Pattern.compile("(?i)\\b(po|oral(?:ly)?|iv|intravenous(?:ly)?|im|intramuscular(?:ly)?|sc|subcutaneous(?:ly)?|topical(?:ly)?|inhaled)\\b|(口服|静滴|静脉滴注|静推|静脉注射|肌注|肌内注射|皮下注射|雾化吸入|外用)");
    private static final Pattern FREQUENCY = Pattern.compile("(?i)\\b(qd|bid|tid|qid|q\\d+h|prn|once daily|twice daily|three times daily|four times daily|every \\d+ hours|daily|at bedtime)\\b|(每日[一二三四1-4]次|每天[一二三四1-4]次|每\\d+小时一次|每晚|睡前|必要时|qd|bid|tid|qid)");
    private static final Pattern VALUE = Pattern.compile("^[\\s:：为是=]*([<>≤≥]?\\s*\\d+(?:\\.\\d+)?)\\s*(mmol/L|μmol/L|umol/L|mg/dL|g/L|g/dL|U/L|%|×10\\^?9/L|x10\\^?9/L|10\\*9/L|pg/mL|ng/mL|mIU/L|mm/h|ng/L)?");

    private Relations() { }

    /** Fills dose, route and frequency of a medication mention from the clause after it. */
    public static void medication(MentionFact m, String text) {
        String after = clause(text, m.getEnd(), 40);
        Matcher d = DOSE.matcher(after);
        if (d.find()) m.setDose(d.group(1) + " " + d.group(2));
        Matcher r = ROUTE.matcher(after);
        if (r.find()) m.setRoute(r.group(1) != null ? r.group(1).toLowerCase() : r.group(2));
        Matcher f = FREQUENCY.matcher(after);
        if (f.find()) m.setFrequency(f.group(1) != null ? f.group(1).toLowerCase() : f.group(2));
    }

    /** Fills value and unit of a lab mention written right after it. */
    public static void labValue(MentionFact m, String text) {
        String after = clause(text, m.getEnd(), 25);
        Matcher v = VALUE.matcher(after);
        if (v.find() && v.group(1) != null) {
            String num = v.group(1).replaceAll("[<>≤≥\\s]", "");
            try {
                m.setValue(Double.parseDouble(num));
                m.setUnit(v.group(2));
            } catch (NumberFormatException e) {
                // not a number after all: leave the mention without a value
            }
        }
    }

    private static String clause(String text, int from, int max) {
        int to = from;
        int limit = Math.min(text.length(), from + max);
        while (to < limit && "。；;，,\n".indexOf(text.charAt(to)) < 0) to++;
        return text.substring(from, to);
    }
}
