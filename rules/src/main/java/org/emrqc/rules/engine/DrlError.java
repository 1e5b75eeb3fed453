package org.emrqc.rules.engine;

/**
 * One Drools error on generated DRL, traced back to its template: {@code file} is {@code templates/X.drl} (null
 * when Drools named no resource), {@code templateLine} the line in that file (null when it could not be
 * traced), {@code rule} the rule instance the error is in (null if none), {@code generatedLine} and
 * {@code generatedText} the place in the generated DRL, {@code message} Drools' text.
 */
public record DrlError(String file, Integer templateLine, String rule, int generatedLine, String generatedText, String message) {

    /** "templates/X.drl: line N (rule R): message", or with the generated line when not traced. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file == null ? "?" : file);
        if (templateLine != null) sb.append(": line ").append(templateLine);
        else if (generatedLine > 0) sb.append(": line ").append(generatedLine).append(" of the generated DRL `").append(generatedText).append('`');
        if (rule != null) sb.append(" (rule ").append(rule).append(')');
        return sb.append(": ").append(message).toString();
    }
}
