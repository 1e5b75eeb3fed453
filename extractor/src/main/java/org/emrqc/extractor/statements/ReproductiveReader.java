package org.emrqc.extractor.statements;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Obstetric history and menopause. 孕2产1, G2P1 and 足月产1早产0流产1存活1 (or 生育史：1-0-1-1) are read as
 * obstetric-history normalized G{gravida}P{para} (from the four counts: gravida = term + preterm + abortions,
 * para = term + preterm). 已绝经 / 绝经5年 / 50岁绝经 / 绝经后 are menopause "menopausal"; 未绝经 and 月经规律 in a
 * block that says nothing of 绝经 are "menstruating"; 末次月经 2019-01-02 / LMP: 2019-01-02 is "lmp:2019-01-02"
 * (whether that contradicts a menopause depends on the note's date, which the rules know).
 */
final class ReproductiveReader {
    private static final Pattern GP_ZH = Pattern.compile("孕\\s*(\\d{1,2})\\s*产\\s*(\\d{1,2})");
    private static final Pattern GP_EN = Pattern.compile("(?<![A-Za-z])G\\s*(\\d{1,2})\\s*P\\s*(\\d{1,2})(?!\\d)");
    private static final Pattern TPAL = Pattern.compile(
            "足月产?\\s*(\\d)\\s*[，,、]?\\s*早产\\s*(\\d)\\s*[，,、]?\\s*(?:流产|人流|自然流产)\\s*(\\d)\\s*[，,、]?\\s*(?:存活|现存)\\s*(\\d)");
    private static final Pattern TPAL_DASH = Pattern.compile("(?:生育史|孕产史)\\s*[：:]?\\s*(\\d)\\s*-\\s*(\\d)\\s*-\\s*(\\d)\\s*-\\s*(\\d)");
    private static final Pattern MENOPAUSAL = Pattern.compile(
            "(?<![未围])(?:已绝经|自然绝经|绝经(?:\\d{1,2}|[一二三四五六七八九十]{1,3})余?年|(?:\\d{2})\\s*岁\\s*绝经|绝经后)");
    private static final Pattern NOT_MENOPAUSAL = Pattern.compile("未绝经");
    private static final Pattern REGULAR = Pattern.compile("月经(?:周期)?(?:尚)?(?:规律|规则)");
    private static final Pattern LMP = Pattern.compile("(?:末次月经(?:时间)?|LMP)\\s*[：:]?\\s*" + Dates.DATE);

    private ReproductiveReader() { }

    static void read(Source s, List<Found> out) {
        String t = s.text;
        Matcher m = GP_ZH.matcher(t);
        while (m.find()) obstetric(s, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), out);
        m = GP_EN.matcher(t);
        while (m.find()) obstetric(s, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), out);
        for (Pattern p : List.of(TPAL, TPAL_DASH)) {
            m = p.matcher(t);
            while (m.find()) {
                if (birthHistory(s, m.start())) continue;
                int term = Integer.parseInt(m.group(1));
                int preterm = Integer.parseInt(m.group(2));
                int abortions = Integer.parseInt(m.group(3));
                int start = p == TPAL_DASH ? m.start(1) : m.start();
                if (s.otherPerson(start)) continue;
                out.add(new Found("obstetric-history", "G" + (term + preterm + abortions) + "P" + (term + preterm), start, m.end()));
            }
        }
        m = MENOPAUSAL.matcher(t);
        while (m.find()) {
            if (s.otherPerson(m.start()) || negated(s, m.start())) continue;
            out.add(new Found("menopause", "menopausal", m.start(), m.end()));
        }
        m = NOT_MENOPAUSAL.matcher(t);
        while (m.find()) out.add(new Found("menopause", "menstruating", m.start(), m.end()));
        m = REGULAR.matcher(t);
        while (m.find()) {
            // 平素月经规律，50岁绝经: regular cycles of the past, not a statement that she menstruates now
            int from = s.sentenceStart(m.start());
            Blocks.Block b = s.blocks.at(m.start());
            if (b != null && b.code() != null && (b.code().equals("menstrual-history") || b.code().equals("marital-history"))) from = Math.min(from, b.start());
            int to = b != null ? Math.max(b.end(), s.sentenceEnd(m.end())) : s.sentenceEnd(m.end());
            if (t.substring(from, Math.min(t.length(), to)).contains("绝经") || s.otherPerson(m.start()) || negated(s, m.start())) continue;
            out.add(new Found("menopause", "menstruating", m.start(), m.end()));
        }
        m = LMP.matcher(t);
        while (m.find()) {
            LocalDate d = Dates.of(m, 1);
            if (d == null || s.otherPerson(m.start())) continue;
            int end = m.end();
            while (end > m.start() && Character.isWhitespace(t.charAt(end - 1))) end--;
            out.add(new Found("menopause", "lmp:" + d, m.start(), end));
        }
    }

    private static void obstetric(Source s, Matcher m, int gravida, int para, List<Found> out) {
        if (para > gravida || s.otherPerson(m.start()) || birthHistory(s, m.start())) return;
        out.add(new Found("obstetric-history", "G" + gravida + "P" + para, m.start(), m.end()));
    }

    /** A child's birth history (出生史：G1P1，孕39周剖宫产) gives the mother's G/P, not the patient's. */
    private static boolean birthHistory(Source s, int at) {
        String sentence = s.text.substring(s.sentenceStart(at), Math.min(s.text.length(), s.sentenceEnd(at)));
        return sentence.contains("出生") || sentence.contains("患儿") || sentence.contains("胎次") || sentence.contains("其母");
    }

    private static boolean negated(Source s, int at) {
        String before = s.text.substring(Math.max(s.clauseStart(at), at - 6), at);
        return before.contains("否认") || before.endsWith("未") || before.endsWith("无");
    }
}
