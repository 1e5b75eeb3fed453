package org.emrqc.cli.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.event.Level;

/**
 * How bin/emrqc logs: the format (plain lines, or one JSON object per line) and the level per logger.
 *
 * <p>Format: {@code --log-format} of a command, else the system property {@code emrqc.log.format}, else the
 * environment variable {@code EMRQC_LOG_FORMAT}; {@code plain} (default) or {@code json}. Levels: the classpath
 * file {@code emrqc-logging.properties} ({@code level=warn}, {@code level.org.drools=error} …), then the system
 * property {@code emrqc.log.level} or the environment variable {@code EMRQC_LOG_LEVEL} for the default level, and
 * system properties {@code emrqc.log.level.<logger>} for single loggers. A logger takes the level of its
 * longest configured prefix.
 */
public final class LogFormat {
    /** The output format. */
    public enum Format { PLAIN, JSON }

    private static volatile Format format = initialFormat();
    private static final Map<String, Integer> LEVELS = new ConcurrentHashMap<>();
    /** Thresholds as {@link Level#toInt()}; OFF is {@link Integer#MAX_VALUE}. */
    private static volatile int rootLevel = Level.WARN.toInt();
    /** Changes with every level change, so loggers may keep their threshold until it does. */
    private static volatile int generation;
    static final int OFF = Integer.MAX_VALUE;

    static {
        Properties p = new Properties();
        try (InputStream in = LogFormat.class.getClassLoader().getResourceAsStream("emrqc-logging.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // defaults
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("emrqc.log.level.")) p.setProperty("level." + name.substring("emrqc.log.level.".length()), System.getProperty(name));
        }
        String root = firstOf(System.getProperty("emrqc.log.level"), System.getenv("EMRQC_LOG_LEVEL"), p.getProperty("level"));
        if (root != null) rootLevel = level(root, Level.WARN.toInt());
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("level.")) LEVELS.put(name.substring("level.".length()), level(p.getProperty(name), rootLevel));
        }
    }

    private LogFormat() { }

    public static Format format() { return format; }

    /** Switches the format for every logger (e.g. from a command's --log-format option). */
    public static void format(Format f) { format = f; }

    /** "plain" or "json" (case-insensitive); anything else is an error. */
    public static Format parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "plain", "text" -> Format.PLAIN;
            case "json" -> Format.JSON;
            default -> throw new IllegalArgumentException("log format '" + text + "': expected plain or json");
        };
    }

    /** Sets the level of a logger and the loggers under it (for tests and --verbose options). */
    public static void level(String logger, Level level) {
        int t = level == null ? OFF : level.toInt();
        if (logger == null || logger.isEmpty()) rootLevel = t;
        else LEVELS.put(logger, t);
        generation++;
    }

    /** The current generation of the level settings (a logger's cached threshold is good while it is unchanged). */
    static int generation() { return generation; }

    /** The threshold in force for a logger name: its longest configured prefix's, else the default. */
    static int thresholdOf(String name) {
        String n = name;
        while (true) {
            Integer l = LEVELS.get(n);
            if (l != null) return l;
            int dot = n.lastIndexOf('.');
            if (dot < 0) return rootLevel;
            n = n.substring(0, dot);
        }
    }

    private static Format initialFormat() {
        String f = firstOf(System.getProperty("emrqc.log.format"), System.getenv("EMRQC_LOG_FORMAT"));
        if (f == null) return Format.PLAIN;
        try {
            return parse(f);
        } catch (IllegalArgumentException e) {
            return Format.PLAIN;
        }
    }

    private static int level(String text, int fallback) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("WARNING")) t = "WARN";
        if (t.equals("OFF")) return OFF;
        try {
            return Level.valueOf(t).toInt();
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String firstOf(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
