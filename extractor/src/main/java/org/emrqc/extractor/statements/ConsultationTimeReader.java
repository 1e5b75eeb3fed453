package org.emrqc.extractor.statements;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the consultant saw the patient, as a consultation record states it: the field 会诊时间 / 到达时间 / 到场时间
 * ("会诊时间：2019-01-02 14:35"). Normalized as an ISO local date-time to the minute ("2019-01-02T14:35"), or as an
 * ISO date when only the date is written, so a rule judges it at the precision written. The request time that a
 * consultation record also carries (申请时间 / 申请会诊时间) is not read as this time.
 */
final class ConsultationTimeReader {
    private static final Pattern FIELD = Pattern.compile("(?<!申请)(?<!请)(?:会诊|到达|到场)(?:时间|日期)\\s*[：:]?\\s*" + Dates.DATE);
    private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2})\\s*[:：时]\\s*(\\d{2})分?");

    private ConsultationTimeReader() { }

    static void read(Source s, List<Found> out) {
        Matcher m = FIELD.matcher(s.text);
        while (m.find()) {
            LocalDate d = Dates.of(m, 1);
            if (d == null) continue;
            Dates.Span span = Dates.first(s.text, m.start(1), m.end());
            if (span == null) continue;
            Matcher t = TIME.matcher(s.text).region(span.end(), Math.min(s.text.length(), span.end() + 12));
            String value = d.toString();
            int end = span.end();
            if (t.lookingAt()) {
                int h = Integer.parseInt(t.group(1));
                int min = Integer.parseInt(t.group(2));
                if (h < 24 && min < 60) {
                    value = value + "T" + (h < 10 ? "0" : "") + h + ":" + t.group(2);
                    end = t.end();
                }
            }
            out.add(new Found("consultation-time", value, span.start(), end));
        }
    }
}
