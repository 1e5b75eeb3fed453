package org.emrqc.extractor.statements;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patient's age and sex as a note states them: 年龄：45岁 and 性别：女 (the header fields), and the patient's
 * introduction "患者张*三，女，45岁" / "患者女，45岁" / "张三，男，70岁" / "中年女性，39岁". Ages of other people (其父70岁, 配偶年龄),
 * ages at an event (13岁初潮, 24岁结婚, 2-3岁时) and ages in months or days are not read.
 */
final class IdentityReader {
    private static final String AGE = "(\\d{1,3})\\s*岁(?![半零\\d]|时|初潮|结婚|绝经|起|开始|以前|以后|前|后)";
    private static final Pattern AGE_FIELD = Pattern.compile("年\\s*龄\\s*[：:]?\\s*" + AGE);
    private static final Pattern SEX_FIELD = Pattern.compile("性\\s*别\\s*[：:]?\\s*(男|女)(?!婴|孩|童)");
    /** 患者张*三，女，45岁 / 患者***,***,70岁 / 患者，男，70岁 (name slot, sex slot, age). */
    private static final Pattern INTRO = Pattern.compile(
            "(?:患者|病人|患儿)\\s*([\\p{IsHan}*＊xX·]{0,5})\\s*[，,]\\s*(?:(?:(男|女)性?|\\*{1,4}|＊{1,4})\\s*[，,]\\s*)?" + AGE);
    /** 患者女，45岁 / 患者男性，70岁 ; the age is optional. */
    private static final Pattern INTRO_SEX = Pattern.compile("(?:患者|病人|患儿)\\s*(男|女)性?\\s*[，,]\\s*(?:" + AGE + ")?");
    /** 中年女性，39岁 / 患者老年男性，… / 1.老年男性，71岁 — the patient described at the start of a clause. */
    private static final Pattern DESCRIBED = Pattern.compile("(?:^|(?<=[\\s。；;，,：:、.\\d]))(?:患者|病人)?(?:青年|中年|老年|中老年|青少年|成年)(男|女)性(?:患者)?\\s*(?:[，,]\\s*" + AGE + ")?");
    /** 张三，男，70岁 at the start of a sentence or after a comma. */
    private static final Pattern NAME_SEX_AGE = Pattern.compile("(?:^|(?<=[。；;\\n：:]))\\s*[^\\s，,。；;：:]{1,6}\\s*[，,]\\s*(男|女)性?\\s*[，,]\\s*" + AGE);

    private IdentityReader() { }

    static void read(Source s, List<Found> out) {
        String t = s.text;
        Matcher m = AGE_FIELD.matcher(t);
        while (m.find()) {
            if (s.otherPerson(m.start())) continue;
            age(s, m, 1, out);
        }
        m = SEX_FIELD.matcher(t);
        while (m.find()) {
            if (s.otherPerson(m.start())) continue;
            sex(m, 1, out);
        }
        m = INTRO.matcher(t);
        while (m.find()) {
            if (s.otherPerson(m.start()) || notAName(m.group(1)) || aboutMenses(s, m.start(3))) continue;
            if (m.group(2) != null) sex(m, 2, out);
            age(s, m, 3, out);
        }
        m = INTRO_SEX.matcher(t);
        while (m.find()) {
            if (s.otherPerson(m.start())) continue;
            sex(m, 1, out);
            if (m.group(2) != null) age(s, m, 2, out);
        }
        m = DESCRIBED.matcher(t);
        while (m.find()) {
            if (s.otherPerson(m.start())) continue;
            sex(m, 1, out);
            if (m.group(2) != null && !aboutMenses(s, m.start(2))) age(s, m, 2, out);
        }
        m = NAME_SEX_AGE.matcher(t);
        while (m.find()) {
            if (s.otherPerson(m.start(1))) continue;
            String before = t.substring(m.start(), m.start(1));
            if (before.contains("患者") || before.contains("病人") || before.contains("患儿")) continue; // read above
            if (before.matches("(?s).*(子|女|儿|孙|父|母|夫|妻|兄|弟|姐|妹).*")) continue;
            sex(m, 1, out);
            age(s, m, 2, out);
        }
    }

    /** Words, not a name, in the name slot of an introduction (患者既往月经规律，13岁 is the menarche). */
    private static boolean notAName(String slot) {
        return slot.matches(".*(既往|平素|月经|初潮|因|于|诉|自|经|后|前|时|年|月|天|日).*");
    }

    /** An age in a sentence about the menses (13岁初潮, 45岁绝经) is an age at an event. */
    private static boolean aboutMenses(Source s, int at) {
        String sentence = s.text.substring(s.sentenceStart(at), Math.min(s.text.length(), s.sentenceEnd(at)));
        return sentence.contains("月经") || sentence.contains("初潮") || sentence.contains("经期") || sentence.contains("绝经");
    }

    private static void age(Source s, Matcher m, int g, List<Found> out) {
        int years = Integer.parseInt(m.group(g));
        if (years > 130) return;
        int end = s.text.indexOf('岁', m.end(g)) + 1;
        add(out, new Found("age", Integer.toString(years), m.start(g), end));
    }

    private static void sex(Matcher m, int g, List<Found> out) {
        add(out, new Found("sex", "男".equals(m.group(g)) ? "male" : "female", m.start(g), m.end(g)));
    }

    private static void add(List<Found> out, Found f) {
        for (Found o : out) if (o.attribute.equals(f.attribute) && o.start == f.start) return;
        out.add(f);
    }
}
