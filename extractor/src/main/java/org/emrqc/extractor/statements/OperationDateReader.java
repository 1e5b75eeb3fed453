package org.emrqc.extractor.statements;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of an operation: the field 手术日期 / 手术时间 of an operative note, and the sentence of a post-operative
 * note "于2019-01-02在全麻下行…" / "于2019年1月2日 9:00在腰硬联合麻醉下行…术" / "于今日（2019-01-02）在…下行…". Normalized as an ISO date. A date
 * followed by an examination ("于2019-01-02行CT检查") is not an operation.
 */
final class OperationDateReader {
    private static final Pattern FIELD = Pattern.compile("手术(?:日期|时间)\\s*[：:]?\\s*" + Dates.DATE);
    private static final Pattern DONE = Pattern.compile("于\\s*(?:今日|今天|当日)?\\s*[（(]?\\s*" + Dates.DATE + "\\s*[）)]?\\s*(?:\\d{1,2}\\s*[:：时]\\s*\\d{0,2}分?)?\\s*([^，,。；;\\n]{0,24}?)(?:行|施行|进行)([^，,。；;\\n]{0,30})");

    private OperationDateReader() { }

    static void read(Source s, List<Found> out) {
        Matcher m = FIELD.matcher(s.text);
        while (m.find()) {
            LocalDate d = Dates.of(m, 1);
            if (d != null) out.add(new Found("operation-date", d.toString(), m.start(1), end(s, m.end())));
        }
        m = DONE.matcher(s.text);
        while (m.find()) {
            LocalDate d = Dates.of(m, 1);
            String how = m.group(4);
            String what = m.group(5);
            boolean operation = how.contains("麻") || what.contains("术");
            if (d == null || !operation || what.contains("检查") || what.contains("治疗") && !what.contains("术")
                    || what.matches(".*(化疗|放疗|周期|疗程|程).*") && !how.contains("麻")) continue;
            Dates.Span date = Dates.first(s.text, m.start(1), m.end(3) + 2);
            out.add(new Found("operation-date", d.toString(), m.start(1), date == null ? m.end(3) : date.end()));
        }
    }

    private static int end(Source s, int end) {
        while (end > 0 && Character.isWhitespace(s.text.charAt(end - 1))) end--;
        return end;
    }
}
