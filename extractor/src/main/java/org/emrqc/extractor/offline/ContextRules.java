package org.emrqc.extractor.offline;

import java.util.List;
import java.util.Locale;

/**
 * NegEx/ConText-style attributes of a mention: negated, uncertain, historical, family history, decided by
 * trigger phrases before (or right after) the mention within its clause. A clause ends at a sentence end, a
 * semicolon, a Chinese comma "，" (an enumeration comma "、" does not end it) or a conjunction such as "but"/"但".
 */
public final class ContextRules {
    public record Attributes(boolean negated, boolean uncertain, boolean historical, boolean family) { }

    private static final List<String> EN_NEG = List.of("no ", "not ", "denies ", "denied ", "deny ", "without ", "negative for ",
            "free of ", "no evidence of ", "no signs of ", "no history of ", "absence of ", "never had ", "no known ");
    private static final List<String> EN_NEG_POST = List.of(" was ruled out", " is ruled out", " ruled out", " is negative", " was negative", " absent");
    private static final List<String> EN_UNCERTAIN = List.of("possible ", "probable ", "suspected ", "suspicion of ", "rule out ", "r/o ", "questionable ", "likely ", "may have ");
    private static final List<String> EN_HISTORY = List.of("history of ", "h/o ", "past ", "previous ", "prior ", "status post ", "s/p ");
    private static final List<String> EN_FAMILY = List.of("family history of ", "mother ", "father ", "sister ", "brother ", "mother's ", "father's ", "family history");
    private static final List<String> EN_END = List.of(". ", "; ", " but ", " however ", " although ", " except ", " aside from ", " apart from ", "\n");

    private static final List<String> ZH_NEG = List.of("否认", "无", "未见", "未诉", "未闻及", "未触及", "未引出", "不伴", "未出现", "没有", "排除", "未发现", "未及");
    private static final List<String> ZH_UNCERTAIN = List.of("疑似", "可疑", "考虑", "待排", "待查", "可能", "不除外", "？", "?");
    private static final List<String> ZH_HISTORY = List.of("既往", "曾", "多年前", "年前", "病史");
    private static final List<String> ZH_FAMILY = List.of("家族", "父亲", "母亲", "其父", "其母", "兄弟", "姐妹", "家族史");
    private static final String ZH_END = "。；;，,\n";
    /** Pseudo-triggers: phrases that contain a trigger but do not negate what follows (无明显诱因出现腹痛). */
    private static final List<String> ZH_PSEUDO = List.of("无明显诱因", "无诱因", "无明显原因", "无明确诱因", "未予重视", "未予处理", "未治疗", "无特殊");

    private ContextRules() { }

    /** Attributes of the mention text[start, end) in a document of the given language ("zh" or "en"). */
    public static Attributes of(String text, int start, int end, String language) {
        return of(text, start, end, language, 0);
    }

    /** @param sentenceStart the start of the mention's sentence: triggers before it do not count */
    public static Attributes of(String text, int start, int end, String language, int sentenceStart) {
        return "zh".equals(language) ? chinese(text, start, end) : english(text, start, end, sentenceStart);
    }

    private static Attributes english(String text, int start, int end, int sentenceStart) {
        String before = clauseBefore(text, start, Math.min(60, start - sentenceStart)).toLowerCase(Locale.ROOT);
        String after = clauseAfter(text, end, 30).toLowerCase(Locale.ROOT);
        String padded = " " + before;
        boolean neg = containsWord(padded, EN_NEG) || EN_NEG_POST.stream().anyMatch(after::startsWith);
        boolean unc = containsWord(padded, EN_UNCERTAIN);
        boolean fam = containsWord(padded, EN_FAMILY);
        boolean hist = containsWord(padded, EN_HISTORY);
        return new Attributes(neg, unc, hist, fam);
    }

    private static boolean containsWord(String before, List<String> triggers) {
        for (String t : triggers) {
            int i = before.lastIndexOf(t);
            if (i >= 0 && (i == 0 || !Character.isLetterOrDigit(before.charAt(i - 1)))) return true;
        }
        return false;
    }

    /** The clause before an offset, up to max chars (English: cut at clause ends). */
    private static String clauseBefore(String text, int start, int max) {
        int from = Math.max(0, start - max);
        String s = text.substring(from, start);
        int cut = -1;
        for (String e : EN_END) {
            int i = s.toLowerCase(Locale.ROOT).lastIndexOf(e);
            if (i >= 0) cut = Math.max(cut, i + e.length());
        }
        return cut >= 0 ? s.substring(cut) : s;
    }

    private static String clauseAfter(String text, int end, int max) {
        String s = text.substring(end, Math.min(text.length(), end + max));
        int cut = s.length();
        for (String e : EN_END) {
            int i = s.toLowerCase(Locale.ROOT).indexOf(e);
            if (i >= 0) cut = Math.min(cut, i);
        }
        return s.substring(0, cut);
    }

    private static Attributes chinese(String text, int start, int end) {
        int from = start;
        int limit = Math.max(0, start - 30);
        while (from > limit && ZH_END.indexOf(text.charAt(from - 1)) < 0) from--;
        String before = text.substring(from, start);
        // a later "但" in the clause ends the trigger's scope
        int but = Math.max(before.lastIndexOf('但'), before.lastIndexOf("然而"));
        if (but >= 0) before = before.substring(but + 1);
        for (String p : ZH_PSEUDO) before = before.replace(p, "");
        int to = end;
        int maxTo = Math.min(text.length(), end + 12);
        while (to < maxTo && ZH_END.indexOf(text.charAt(to)) < 0) to++;
        String after = text.substring(end, to);
        boolean neg = ZH_NEG.stream().anyMatch(before::contains) || after.startsWith("（-）") || after.startsWith("(-)") || after.startsWith("阴性");
        boolean unc = ZH_UNCERTAIN.stream().anyMatch(before::contains) || after.startsWith("？") || after.startsWith("?") || after.startsWith("待排");
        boolean fam = ZH_FAMILY.stream().anyMatch(before::contains);
        boolean hist = ZH_HISTORY.stream().anyMatch(before::contains) || after.startsWith("史") || after.startsWith("病史");
        return new Attributes(neg, unc, hist, fam);
    }
}
