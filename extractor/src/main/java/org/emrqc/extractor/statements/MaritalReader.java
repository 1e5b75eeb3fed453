package org.emrqc.extractor.statements;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patient's marital status: the field 婚姻：已婚 (一般项目) and the first status word of 婚育史 (已婚 / 未婚 /
 * 离异 / 丧偶 / 适龄结婚 …), normalized to married, unmarried, divorced or widowed. A status word about someone else
 * (其女已婚) or denied (否认未近亲结婚) is not read.
 */
final class MaritalReader {
    private static final String WORDS = "已婚|未婚|离异|离婚|丧偶|初婚|再婚|复婚|适龄结婚|适龄婚配|适龄婚育";
    private static final Pattern FIELD = Pattern.compile("婚\\s*姻(?:状况)?\\s*[：:]?\\s*(" + WORDS + ")");
    private static final Pattern WORD = Pattern.compile("(?<![否未])(" + WORDS + ")");

    private MaritalReader() { }

    static void read(Source s, List<Found> out) {
        Matcher m = FIELD.matcher(s.text);
        while (m.find()) {
            if (s.otherPerson(m.start())) continue;
            out.add(new Found("marital-status", normalize(m.group(1)), m.start(1), m.end(1)));
        }
        for (Blocks.Block b : s.blocks.withCode("marital-history")) {
            m = WORD.matcher(s.text).region(b.start(), b.end());
            while (m.find()) {
                int at = m.start(1);
                String clause = s.text.substring(s.clauseStart(at), at);
                if (s.otherPerson(at) || clause.contains("否认")) continue;
                boolean known = false;
                for (Found f : out) known |= f.attribute.equals("marital-status") && f.start == at;
                if (!known) out.add(new Found("marital-status", normalize(m.group(1)), at, m.end(1)));
                break; // the first status word of the block states it
            }
        }
    }

    static String normalize(String w) {
        return switch (w) {
            case "未婚" -> "unmarried";
            case "离异", "离婚" -> "divorced";
            case "丧偶" -> "widowed";
            default -> "married";
        };
    }
}
