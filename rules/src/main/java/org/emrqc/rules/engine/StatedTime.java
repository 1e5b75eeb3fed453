package org.emrqc.rules.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.emrqc.model.MentionFact;

/**
 * A time a note states (a statement's normalized value: "2019-01-02T14:35" to the minute, "2019-01-02" a date) as
 * the interval it stands for in the record's zone: a minute, or a whole day, so rules judge it at the precision
 * written.
 */
public final class StatedTime {
    private StatedTime() { }

    /** [earliest, latest] in epoch milliseconds, or null when the value is not a date. */
    public static long[] of(MentionFact s, ZoneId zone) {
        String v = s == null ? null : s.getNormalized();
        if (v == null) return null;
        try {
            if (v.length() > 10) {
                long at = LocalDateTime.parse(v).atZone(zone).toInstant().toEpochMilli();
                return new long[] {at, at + 59_999L};
            }
            LocalDate d = LocalDate.parse(v);
            long start = d.atStartOfDay(zone).toInstant().toEpochMilli();
            return new long[] {start, d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1};
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** True when the statement gives a time to the minute (not only a date). */
    public static boolean toTheMinute(MentionFact s) {
        return s != null && s.getNormalized() != null && s.getNormalized().length() > 10 && of(s, ZoneId.of("UTC")) != null;
    }
}
