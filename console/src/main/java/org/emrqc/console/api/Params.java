package org.emrqc.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks request values and says clearly what was expected. */
public final class Params {
    private Params() { }

    /** The value when it is one of {@code allowed}; null when absent; 400 otherwise. */
    public static String oneOf(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) return null;
        if (!allowed.contains(value.strip())) throw ProblemException.badRequest(name + ": '" + value + "' is not one of " + String.join(", ", allowed));
        return value.strip();
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) throw ProblemException.badRequest(name + ": required");
        return value.strip();
    }

    /** A date (yyyy-MM-dd, the start of that day in {@code zone}; with {@code endOfDay} the start of the next day) or an ISO instant. */
    public static Instant time(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + ": '" + value + "' is not a date (yyyy-MM-dd) or an ISO-8601 instant");
        }
    }

    public static LocalDate date(String name, String value) {
        String v = required(name, value);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + ": '" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
