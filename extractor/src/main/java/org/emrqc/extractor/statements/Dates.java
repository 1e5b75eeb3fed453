package org.emrqc.extractor.statements;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calendar dates as Chinese records write them: 2019-01-02, 2019-1-2, 2019/01/02, 2019.01.02, 2019年1月2日. */
final class Dates {
    static final String DATE = "((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*日?";
    private static final Pattern ONE = Pattern.compile(DATE);

    private Dates() { }

    /** The date the groups from {@link #DATE} starting at group g name, or null when it is not a calendar date. */
    static LocalDate of(Matcher m, int g) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)), Integer.parseInt(m.group(g + 2)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The first date in text[from, to), as {start, end} with the date, or null. */
    static Span first(String text, int from, int to) {
        Matcher m = ONE.matcher(text).region(from, to);
        while (m.find()) {
            LocalDate d = of(m, 1);
            if (d != null) {
                int end = m.end();
                while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) end--;
                return new Span(m.start(), end, d);
            }
        }
        return null;
    }

    record Span(int start, int end, LocalDate date) { }
}
