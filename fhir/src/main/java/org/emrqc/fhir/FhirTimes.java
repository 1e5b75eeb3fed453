package org.emrqc.fhir;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateType;

/**
 * Turns FHIR date, dateTime and instant values into epoch milliseconds. A value with a zone offset is exact; a
 * value without one (dates, or local date-times) is read in the record's zone, given by the caller, so results
 * never depend on the machine's default time zone. Partial dates (year, year-month) start at their first day;
 * {@link #latestMillis} gives the last instant such a value may stand for, so rules can compare at the data's precision.
 */
public final class FhirTimes {
    private FhirTimes() { }

    public static Long epochMillis(BaseDateTimeType t, ZoneId zone) {
        if (t == null || t.isEmpty()) return null;
        String s = t.getValueAsString();
        if (s == null || s.isBlank()) return null;
        return epochMillis(s, zone);
    }

    /**
     * The last millisecond a value may stand for at its precision: the end of its day for a date, of its month or
     * year for a partial date; the value itself for a time (to the minute or finer). Null when it cannot be read.
     */
    public static Long latestMillis(BaseDateTimeType t, ZoneId zone) {
        if (t == null || t.isEmpty()) return null;
        String s = t.getValueAsString();
        if (s == null || s.isBlank()) return null;
        return latestMillis(s, zone);
    }

    static Long latestMillis(String s, ZoneId zone) {
        try {
            if (s.length() == 4) return LocalDate.of(Integer.parseInt(s) + 1, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
            if (s.length() == 7) return YearMonth.parse(s).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
            if (s.length() == 10) return LocalDate.parse(s).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
            return epochMillis(s, zone);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    static Long epochMillis(String s, ZoneId zone) {
        try {
            if (s.length() == 4) return LocalDate.of(Integer.parseInt(s), 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
            if (s.length() == 7) return YearMonth.parse(s).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
            boolean zoned = s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10;
            if (zoned) return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    public static LocalDate localDate(DateType d) {
        if (d == null || d.isEmpty()) return null;
        String s = d.getValueAsString();
        if (s == null) return null;
        try {
            if (s.length() == 4) return LocalDate.of(Integer.parseInt(s), 1, 1);
            if (s.length() == 7) return YearMonth.parse(s).atDay(1);
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
