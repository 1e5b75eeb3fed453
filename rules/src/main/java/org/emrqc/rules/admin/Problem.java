package org.emrqc.rules.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reason a pack is rejected: the file of the pack (relative path; null when none applies), the line in it
 * (null when unknown), what is wrong, and the validation stage that found it — {@code archive}, {@code load},
 * {@code metadata}, {@code parameters}, {@code compile}, {@code fixtures} (or {@code knowledge} for a table
 * upload, {@code internal} for a bug in emrqc).
 */
public record Problem(String file, Integer line, String message, String stage) {
    private static final Pattern FILE_LINE = Pattern.compile(
            "^([^\\s:][^:\\n]*?\\.(?:yaml|yml|csv|drl|json|xlsx)): (?:line (\\d+): )?(.*)$", Pattern.DOTALL);

    /**
     * A problem from a message of the form {@code file: line N: text} or {@code file: text} (PackLoader's), with
     * file and line split out; other messages are kept whole with no file.
     */
    public static Problem parse(String message, String stage) {
        String m = message == null ? "(no message)" : message;
        Matcher x = FILE_LINE.matcher(m);
        if (x.matches()) return new Problem(x.group(1), x.group(2) == null ? null : Integer.valueOf(x.group(2)), x.group(3), stage);
        return new Problem(null, null, m, stage);
    }

    /** "file:line: message [stage]", for logs and the command line. */
    @Override public String toString() {
        return (file == null ? "" : file + (line == null ? "" : ":" + line) + ": ") + message + " [" + stage + "]";
    }
}
