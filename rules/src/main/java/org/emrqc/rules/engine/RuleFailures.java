package org.emrqc.rules.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which rule an exception escaping a Drools session came from, and says why in one line without the
 * record's data: the exception class and the first frame of the project's code.
 */
final class RuleFailures {
    /** Drools names the rule of a failing constraint: Error evaluating constraint '…' in [Rule "X" in …]. */
    private static final Pattern RULE = Pattern.compile("[Rr]ule \"([^\"]+)\"");

    private RuleFailures() { }

    /** The rule an exception names (its rule id: a template's secondary rule "X cannot verify" is rule X), or null. */
    static String ruleOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() == null) continue;
            Matcher m = RULE.matcher(c.getMessage());
            if (m.find()) return ruleId(m.group(1));
        }
        return null;
    }

    /** The rule id of a DRL rule name: a template may add rules named "ID something" beside rule "ID". */
    static String ruleId(String ruleName) {
        int space = ruleName.indexOf(' ');
        return space < 0 ? ruleName : ruleName.substring(0, space);
    }

    /** The root cause's class and where it was thrown (no message: messages may quote record values). */
    static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        StringBuilder sb = new StringBuilder(root.getClass().getSimpleName());
        for (StackTraceElement e : root.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("org.emrqc.") || c.startsWith("org.emrqc.generated")) {
                sb.append(" at ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName());
                if (e.getLineNumber() > 0) sb.append(':').append(e.getLineNumber());
                break;
            }
        }
        return sb.toString();
    }
}
