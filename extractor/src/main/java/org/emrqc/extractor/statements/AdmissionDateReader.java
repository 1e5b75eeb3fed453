package org.emrqc.extractor.statements;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of this admission as a note states it: the field 入院时间 / 入院日期 (一般项目 of an admission or
 * discharge record) and the opening of a first progress note "…因“腹痛3天”于2019-01-02 16:30收入院" /
 * "于2019-01-02 16:57经门诊收入院". Normalized as an ISO date. Dates in the history of the present illness or the
 * past history (earlier admissions) are not read.
 */
final class AdmissionDateReader {
    private static final Pattern FIELD = Pattern.compile("入院(?:时间|日期)\\s*[：:]?\\s*" + Dates.DATE);
    private static final Pattern ADMITTED = Pattern.compile("于\\s*" + Dates.DATE
            + "\\s*(?:\\d{1,2}\\s*[:：时]\\s*\\d{1,2}分?(?:\\s*[:：]\\s*\\d{1,2})?)?\\s*(?:经|由|从)?(?:我院)?(?:门诊|急诊)?\\s*(?:收入院|收住院|收入我科|收住我科|收入|收住|入院)");
    private static final String[] HISTORY = {"hpi", "past-history", "surgical-history", "personal-history", "family-history"};

    private AdmissionDateReader() { }

    static void read(Source s, List<Found> out) {
        for (Pattern p : List.of(FIELD, ADMITTED)) {
            Matcher m = p.matcher(s.text);
            while (m.find()) {
                LocalDate d = Dates.of(m, 1);
                if (d == null || s.blocks.within(m.start(), HISTORY)) continue;
                Dates.Span span = Dates.first(s.text, m.start(1), m.end());
                if (span == null) continue;
                // the time written with it, when there is one: 2019-01-02 16:30
                Matcher t = TIME.matcher(s.text).region(span.end(), Math.min(s.text.length(), span.end() + 12));
                int end = t.lookingAt() ? t.end() : span.end();
                out.add(new Found("admission-date", d.toString(), span.start(), end));
            }
        }
    }

    private static final Pattern TIME = Pattern.compile("\\s*\\d{1,2}\\s*[:：时]\\s*\\d{2}(?:\\s*[:：]\\s*\\d{2})?");
}
