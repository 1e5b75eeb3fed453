package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traces a line of DRL generated from a template back to the template's line. The template engine drops the
 * template's leading comments and fills {@code @{param}}; so a generated line is matched against the template
 * lines with each placeholder as a wildcard, and among several matches the one at the same distance from the
 * {@code rule} header as in the generated rule instance wins.
 */
final class TemplateLines {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("@\\{[^}]*}");

    private TemplateLines() { }

    record Trace(Integer templateLine, String rule, String generatedText) { }

    static Trace trace(String template, String generated, int generatedLine) {
        String[] gen = generated.split("\n", -1);
        if (generatedLine < 1 || generatedLine > gen.length) return new Trace(null, null, "");
        String text = gen[generatedLine - 1].strip();
        String rule = null;
        int header = -1;
        for (int i = generatedLine - 1; i >= 0; i--) {
            Matcher m = RULE.matcher(gen[i]);
            if (m.find()) {
                rule = m.group(1);
                header = i;
                break;
            }
        }
        if (template == null) return new Trace(null, rule, text);
        String[] tpl = template.split("\n", -1);
        int tplHeader = -1;
        for (int i = 0; i < tpl.length; i++) {
            if (RULE.matcher(tpl[i]).find()) {
                tplHeader = i;
                break;
            }
        }
        Integer guess = header >= 0 && tplHeader >= 0 && tplHeader + (generatedLine - 1 - header) < tpl.length
                ? tplHeader + (generatedLine - 1 - header) : null;
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < tpl.length; i++) {
            if (!tpl[i].isBlank() && pattern(tpl[i].strip()).matcher(text).matches()) matches.add(i);
        }
        if (matches.size() == 1) return new Trace(matches.get(0) + 1, rule, text);
        if (guess != null && (matches.isEmpty() || matches.contains(guess))) return new Trace(guess + 1, rule, text);
        return new Trace(null, rule, text);
    }

    private static Pattern pattern(String templateLine) {
        StringBuilder re = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(templateLine);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(templateLine.substring(last, m.start()))).append(".*");
            last = m.end();
        }
        re.append(Pattern.quote(templateLine.substring(last)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
