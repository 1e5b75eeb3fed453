package org.emrqc.rules.engine;

/**
 * A time for a finding's message, shown at the precision the data has: a date when the source gave a date
 * (latest − earliest is about a day), a month or a year for partial dates, else to the minute.
 */
public record ShownTime(long earliest, long latest) {
    private static final long DAY = 86_400_000L;

    /** The pattern that shows this time at its precision. */
    public String pattern() {
        long span = latest - earliest;
        if (span >= 360 * DAY) return "yyyy";
        if (span >= 27 * DAY) return "yyyy-MM";
        if (span >= DAY - 3_600_000L) return "yyyy-MM-dd";
        return "yyyy-MM-dd HH:mm";
    }

    /** True when the source gave only a date (or less). */
    public boolean imprecise() { return latest - earliest >= DAY - 3_600_000L; }

    private static final java.util.Map<String, java.time.format.DateTimeFormatter> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    public String format(java.time.ZoneId zone) {
        return FORMATS.computeIfAbsent(pattern(), java.time.format.DateTimeFormatter::ofPattern).format(java.time.Instant.ofEpochMilli(earliest).atZone(zone));
    }
}
