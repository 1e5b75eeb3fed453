package org.emrqc.cli.log;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * A logger of bin/emrqc: writes to standard error (looked up at each line), one line per event, plain or JSON
 * ({@link LogFormat}). The JSON object has {@code time} (ISO-8601 UTC), {@code level}, {@code logger},
 * {@code thread}, {@code message}, then the MDC entries and the event's key-value pairs as string fields, then
 * {@code error} and {@code stack} when an exception is attached.
 */
final class EmrqcLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;

    EmrqcLogger(String name) { this.name = name; }

    /** The threshold, cached with the settings' generation it was computed for (Drools asks isTraceEnabled() in its inner loops). */
    private transient volatile long cached = Long.MIN_VALUE;

    private boolean on(Level level) {
        long c = cached;
        int generation = LogFormat.generation();
        if (c == Long.MIN_VALUE || (int) (c >>> 32) != generation) {
            c = ((long) generation << 32) | (LogFormat.thresholdOf(name) & 0xffffffffL);
            cached = c;
        }
        return level.toInt() >= (int) c;
    }

    @Override public boolean isTraceEnabled() { return on(Level.TRACE); }
    @Override public boolean isDebugEnabled() { return on(Level.DEBUG); }
    @Override public boolean isInfoEnabled() { return on(Level.INFO); }
    @Override public boolean isWarnEnabled() { return on(Level.WARN); }
    @Override public boolean isErrorEnabled() { return on(Level.ERROR); }

    @Override protected String getFullyQualifiedCallerName() { return null; }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        write(level, MessageFormatter.basicArrayFormat(pattern, arguments), List.of(), throwable);
    }

    /** The fluent API (LOG.atInfo().addKeyValue(...).log(...)): key-value pairs become fields. */
    @Override
    public void log(LoggingEvent event) {
        if (!on(event.getLevel())) return;
        Object[] args = event.getArgumentArray();
        String message = args == null || args.length == 0 ? event.getMessage() : MessageFormatter.basicArrayFormat(event.getMessage(), args);
        write(event.getLevel(), message, event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs(), event.getThrowable());
    }

    private void write(Level level, String message, List<KeyValuePair> pairs, Throwable error) {
        String line = LogFormat.format() == LogFormat.Format.JSON ? json(level, message, pairs, error) : plain(level, message, pairs, error);
        PrintStream err = System.err;
        err.print(line);
        err.flush();
    }

    private String plain(Level level, String message, List<KeyValuePair> pairs, Throwable error) {
        StringBuilder b = new StringBuilder();
        b.append('[').append(Thread.currentThread().getName()).append("] ").append(level).append(' ').append(name).append(" - ").append(message);
        for (KeyValuePair p : pairs) b.append(' ').append(p.key).append('=').append(p.value);
        b.append(System.lineSeparator());
        if (error != null) b.append(stack(error));
        return b.toString();
    }

    String json(Level level, String message, List<KeyValuePair> pairs, Throwable error) {
        StringBuilder b = new StringBuilder(160);
        b.append("{\"time\":\"").append(Instant.now()).append('"');
        field(b, "level", level.name());
        field(b, "logger", name);
        field(b, "thread", Thread.currentThread().getName());
        field(b, "message", message);
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        if (mdc != null) mdc.forEach((k, v) -> field(b, k, v));
        for (KeyValuePair p : pairs) field(b, p.key, p.value == null ? null : String.valueOf(p.value));
        if (error != null) {
            field(b, "error", error.getClass().getName());
            field(b, "stack", stack(error));
        }
        return b.append("}\n").toString();
    }

    private static void field(StringBuilder b, String key, String value) {
        b.append(',');
        quote(b, key);
        b.append(':');
        if (value == null) b.append("null");
        else quote(b, value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped; everything else as is (UTF-8 output). */
    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }

    private static String stack(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
