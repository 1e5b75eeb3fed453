package org.emrqc.extractor.offline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NegEx/ConText-style attributes of a mention: negated, uncertain, historical, family history and hypothetical,
 * decided by cue phrases before (or right after) the mention within its clause.
 *
 * <p>Chinese, as a clinician reads it:
 * <ul>
 * <li>A negation cue (否认, 无, 未见, 未诉, 未闻及, 不伴 …) negates what follows it in its clause: an enumeration
 *     "无发热、咳嗽、咳痰" negates each item; a clause ends at "，。；" and a line end (an enumeration comma "、"
 *     does not end it), and a new statement in the clause ends the cue's scope: "但", "伴" (not "不伴"), "出现",
 *     "偶有" … ("无发热伴咳嗽": 咳嗽 is affirmed).</li>
 * <li>Phrases that contain a cue but deny nothing are not cues: "无明显诱因出现腹痛", "排除禁忌后", "无意中",
 *     "无法", "未予处理" ….</li>
 * <li>"不能排除X", "X待排", "不除外X", "考虑X可能", "X？" are uncertain, not denied; "无X依据" (no evidence of X)
 *     denies no history of X: uncertain too.</li>
 * <li>A negated qualifier does not deny the finding: "无痛性黄疸" affirms 黄疸; "无犬吠样咳嗽" says nothing about
 *     咳嗽 (uncertain: neither affirmed nor denied).</li>
 * <li>"X：无" / "X史：否认" negates the label's X; a label with nothing after it ("高血压：") and a template prompt
 *     ("有/无", "承认或否认", "XX") are not statements (hypothetical); so are differentials, plans, risks and
 *     conditionals ("需与X鉴别", "预防X", "若…可能引起X", "必要时").</li>
 * </ul>
 */
public final class ContextRules {
    /** The attributes of one mention; {@code hypothetical}: not a statement about the patient's state. */
    public record Attributes(boolean negated, boolean uncertain, boolean historical, boolean family, boolean hypothetical) {
        public Attributes(boolean negated, boolean uncertain, boolean historical, boolean family) {
            this(negated, uncertain, historical, family, false);
        }
    }

    private static final List<String> EN_NEG = List.of("no ", "not ", "denies ", "denied ", "deny ", "without ", "negative for ",
            "free of ", "no evidence of ", "no signs of ", "no history of ", "absence of ", "never had ", "no known ");
    private static final List<String> EN_NEG_POST = List.of(" was ruled out", " is ruled out", " ruled out", " is negative", " was negative", " absent");
    private static final List<String> EN_UNCERTAIN = List.of("possible ", "probable ", "suspected ", "suspicion of ", "rule out ", "r/o ", "questionable ", "likely ", "may have ");
    private static final List<String> EN_HISTORY = List.of("history of ", "h/o ", "past ", "previous ", "prior ", "status post ", "s/p ");
    private static final List<String> EN_FAMILY = List.of("family history of ", "mother ", "father ", "sister ", "brother ", "mother's ", "father's ", "family history");
    private static final List<String> EN_HYPOTHETICAL = List.of("differential ", "differential diagnosis ", "if ", "to prevent ", "prevention of ", "risk of ", "monitor for ", "watch for ");
    private static final List<String> EN_END = List.of(". ", "; ", " but ", " however ", " although ", " except ", " aside from ", " apart from ", "\n");

    /** Negation cues, longest first where one contains another. */
    private static final List<String> ZH_NEG = List.of("否认", "未见", "未诉", "无诉", "无伴", "未闻及", "未闻", "未触及", "未扪及", "未引出", "未出现",
            "未发现", "未再", "未及", "没有", "不伴", "无", "排除");
    /** Phrases that contain a cue but negate nothing after them. */
    private static final Pattern ZH_PSEUDO = Pattern.compile("无明显诱因|无明确诱因|无明显原因|无诱因|无原因|无意中?|无法|无效|无需|无误|无锡|无创|无力"
            + "|拟诊讨论|未予[^，,。；;、]{0,4}|未经|未治疗|未重视|未就诊|未规律|无特殊不适以外|排除[^，,。；;]{0,6}?禁忌[症证]?");
    /** Uncertainty cues before the mention; those that contain a negation cue are taken first. */
    private static final Pattern ZH_UNCERTAIN_NEG = Pattern.compile("不能排除|不能除外|不排除|不除外|除外|需排除|待排除|待除外|排除不了");
    private static final List<String> ZH_UNCERTAIN = List.of("疑似", "可疑", "疑为", "怀疑", "考虑", "拟诊", "倾向", "待排", "待查", "可能");
    /** After the mention: uncertain ("X？", "X可能", "X待排", "X不除外"). */
    private static final Pattern ZH_UNCERTAIN_AFTER = Pattern.compile("^[”\"’'」）)]*\\s*(?:？|\\?|可能|之可能|的可能|待排|待查|待除外|不除外|不能除外|不能排除|不排除|可疑)");
    /** After the mention: negated ("墨菲氏征阴性", "X(-)", "啰音未闻及"). */
    private static final Pattern ZH_NEG_AFTER = Pattern.compile("^[”\"’'」]*\\s*(?:[（(]\\s*[-－—]\\s*[)）]|阴性|未引出|未闻及|未触及|未扪及)");
    /** After the mention: a label and its value ("高血压病史：无", "吸烟史：有"); group 1 the value. */
    private static final Pattern ZH_LABEL_AFTER = Pattern.compile("^(?:病?史)?[ \\t]*[：:][ \\t　]*([^\\n：:，,。；;]{0,6})");
    /** A new statement inside the clause ends a negation cue's scope. */
    private static final Pattern ZH_SCOPE_END = Pattern.compile("但|然而|却|(?<!不)伴|(?<![未没再无])出现|(?<![未没])发现|偶有|仍有|尚有|另有|并有|现有"
            + "|(?<![未无])诉|突发|突然|继而|随后|逐渐|之后");
    /** What sits between a cue and its mention when the cue negates a qualifier: "无痛性", "无犬吠样", "无规律的". */
    private static final Pattern ZH_QUALIFIER = Pattern.compile("[性样状型般的]$");
    /** Words between a cue and its mention that leave the cue on the mention ("无明显的腹痛"). */
    private static final Pattern ZH_FILLER = Pattern.compile("明显的|特殊的|任何的?|其他的?|典型的|明显|特殊|典型|确切的?|上述|以下|等");
    /** A negated "evidence of X": denies no history of X. */
    private static final Pattern ZH_NO_EVIDENCE_AFTER = Pattern.compile("^[^，,。；;\\n]{0,6}?(?:依据|证据|征象|表现|指征)");
    /** Template prompts and placeholders: the clause is a form, not a statement. */
    private static final Pattern ZH_TEMPLATE = Pattern.compile("承认或否认|否认或承认|有\\s*[/／]\\s*无|无\\s*[/／]\\s*有|是\\s*[/／]\\s*否|否\\s*[/／]\\s*是|有无|[□■☐☑]"
            + "|[XxＸｘ×]{2,}\\s*(?=[年月日天周岁次分度℃%]|mm|cm|kg)");
    /** Differential, plan, risk and prevention cues in the clause: not the patient's state. */
    private static final Pattern ZH_HYPOTHETICAL = Pattern.compile("鉴别|需与|应与|预防|警惕|防止|避免|以免|谨防|可能引起|可能导致|可能出现|可致|易致|可引起"
            + "|观察有无|注意有无|明确有无|以明确|排查|评估|风险");
    /** Conditionals anywhere earlier in the sentence: "若不手术，可能引起X", "如出现X，及时就诊", "必要时行X". */
    private static final Pattern ZH_CONDITIONAL = Pattern.compile("(?<!倘)若(?!干)|倘若|如果|假如|如出现|如有|如发生|如再|一旦|必要时");
    private static final Pattern ZH_HYPOTHETICAL_AFTER = Pattern.compile("^[”\"’'」]*\\s*(?:相鉴别|鉴别|风险|等并发症|的风险|的可能性?大?小)");
    private static final List<String> ZH_HISTORY = List.of("既往", "曾", "多年前", "年前", "病史");
    private static final List<String> ZH_FAMILY = List.of("家族", "父亲", "母亲", "其父", "其母", "兄弟", "姐妹", "家族史", "祖父", "祖母", "外祖");
    private static final String ZH_CLAUSE_END = "。；;，,！!？?\n";
    /** Looking back, a label's colon also ends the clause ("拟诊讨论：患者…" is not under 拟诊). */
    private static final String ZH_CLAUSE_START = ZH_CLAUSE_END + "：:";
    private static final String ZH_SENTENCE_END = "。；;！!？?\n";

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
        boolean hyp = containsWord(padded, EN_HYPOTHETICAL);
        return new Attributes(neg, unc, hist, fam, hyp);
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

    // ------------------------------------------------------------------------------------------------ Chinese

    /** Start of the clause holding offset start: after the last clause end, at most max chars back. */
    static int clauseStart(String text, int start, int max) {
        int from = start;
        int limit = Math.max(0, start - max);
        while (from > limit && ZH_CLAUSE_START.indexOf(text.charAt(from - 1)) < 0) from--;
        return from;
    }

    /** Start of the sentence holding offset start (a comma does not end a sentence). */
    static int sentenceStart(String text, int start, int max) {
        int from = start;
        int limit = Math.max(0, start - max);
        while (from > limit && ZH_SENTENCE_END.indexOf(text.charAt(from - 1)) < 0) from--;
        return from;
    }

    /** End of the clause that starts at offset from (exclusive), at most max chars on. */
    static int clauseEnd(String text, int from, int max) {
        int to = from;
        int limit = Math.min(text.length(), from + max);
        while (to < limit && ZH_CLAUSE_END.indexOf(text.charAt(to)) < 0) to++;
        return to;
    }

    /** The text with every match of the pattern replaced by '·' (same length, so offsets stay). */
    private static String mask(String s, Pattern p) {
        Matcher m = p.matcher(s);
        if (!m.find()) return s;
        char[] c = s.toCharArray();
        do {
            for (int i = m.start(); i < m.end(); i++) c[i] = '·';
        } while (m.find());
        return new String(c);
    }

    private static Attributes chinese(String text, int start, int end) {
        int from = clauseStart(text, start, 40);
        String before = text.substring(from, start);
        int to = clauseEnd(text, end, 16);
        // a "？" right after the mention belongs to it: look past it for the clause's end
        String after = text.substring(end, Math.min(text.length(), Math.max(to, Math.min(text.length(), end + 2))));
        String masked = mask(before, ZH_PSEUDO);

        boolean fam = ZH_FAMILY.stream().anyMatch(before::contains);
        boolean hist = ZH_HISTORY.stream().anyMatch(before::contains) || after.startsWith("史") || after.startsWith("病史");

        // template prompts, differentials, plans and conditionals: not a statement about the patient
        int sentence = sentenceStart(text, start, 80);
        String sentenceBefore = text.substring(sentence, start);
        boolean hyp = ZH_TEMPLATE.matcher(before).find() || ZH_TEMPLATE.matcher(after).lookingAt()
                || ZH_HYPOTHETICAL.matcher(masked).find() || ZH_CONDITIONAL.matcher(mask(sentenceBefore, ZH_PSEUDO)).find()
                || ZH_HYPOTHETICAL_AFTER.matcher(after).lookingAt();

        // uncertainty: cues before ("考虑", "不除外") and after ("？", "可能", "待排")
        boolean unc = ZH_UNCERTAIN_NEG.matcher(masked).find() || ZH_UNCERTAIN.stream().anyMatch(masked::contains)
                || ZH_UNCERTAIN_AFTER.matcher(after).lookingAt();
        masked = mask(masked, ZH_UNCERTAIN_NEG);

        boolean neg = false;
        // the nearest cue before the mention (longest where two end at the same place)
        int cueEnd = -1;
        String cue = null;
        for (String c : ZH_NEG) {
            int i = masked.lastIndexOf(c);
            if (i < 0) continue;
            int e = i + c.length();
            if (e > cueEnd || (e == cueEnd && cue != null && c.length() > cue.length())) {
                cueEnd = e;
                cue = c;
            }
        }
        if (cue != null) {
            String between = masked.substring(cueEnd);
            if (!ZH_SCOPE_END.matcher(between).find()) {
                String core = ZH_FILLER.matcher(between).replaceAll("").strip();
                if (ZH_QUALIFIER.matcher(core).find() && !core.endsWith("、")) {
                    // the cue negates a qualifier: "无痛性黄疸" is painless jaundice (affirmed); "无犬吠样咳嗽" tells nothing of 咳嗽
                    if (!("无".equals(cue) && between.matches("[\\p{IsHan}]{1,3}性"))) unc = true;
                } else if (ZH_NO_EVIDENCE_AFTER.matcher(after).lookingAt() && !"否认".equals(cue)) {
                    // "无肺结核依据": no evidence for it now, not a denied history
                    unc = true;
                } else {
                    neg = true;
                }
            }
        }
        // after the mention: "墨菲氏征阴性", "X(-)", and labels "高血压病史：无" / "高血压：" (nothing written)
        if (ZH_NEG_AFTER.matcher(after).lookingAt()) neg = true;
        Matcher label = ZH_LABEL_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 12)));
        if (label.lookingAt() && cue == null) {
            String value = label.group(1).strip();
            if (value.isEmpty() || value.startsWith("有无") || value.startsWith("有/") || value.startsWith("是/")) hyp = true;
            else if (value.matches("^(?:无|否认|否|阴性|未见|没有|[-－—]|[（(][-－—][)）]).*")) {
                neg = true;
                hist |= label.group().startsWith("史") || label.group().startsWith("病史");
            }
        }
        // a bare item after a denied list, cut off by a comma ("无恶心、呕吐，腹胀等"): denied or told? the text cannot say
        // (or a clause that is only such a list: "无腹痛、腹泻，恶心呕吐等不适")
        boolean bareItem = before.isBlank() && text.substring(end, to).matches("(?:\\s*|[\\p{IsHan}、]{0,12}?等(?:不适|症状)?\\s*)");
        boolean bareList = text.substring(from, to).strip().matches("[\\p{IsHan}、及和]{1,24}?等(?:不适|症状)?");
        if (cue == null && !neg && (bareItem || bareList) && from > 0 && "，,".indexOf(text.charAt(from - 1)) >= 0) {
            int prevStart = clauseStart(text, from - 1, 40);
            String prev = mask(text.substring(prevStart, from - 1), ZH_PSEUDO).strip();
            for (String c : ZH_NEG) {
                if (prev.startsWith(c) && !ZH_SCOPE_END.matcher(prev.substring(c.length())).find()) {
                    unc = true;
                    break;
                }
            }
        }
        if (neg && unc) neg = false; // "不能排除" and a negation in one clause: the data cannot decide
        return new Attributes(neg, unc, hist, fam, hyp);
    }

    /** Characters of a body site written before a symptom: 右上腹, 两上肢, 肛周, 皮肤. */
    private static final String ZH_SITE_CHARS = "左右双两上下中前后全身头颅颈面颊额眼睑耳鼻口唇舌咽喉胸背腰腹脐肛周阴会臀肢手足指趾膝踝髋肩膀肘腕关节皮肤粘黏膜切伤部区侧胃肝脾肾肺乳腿臂";
    private static final List<String> ZH_SITE_SKIP = List.of("明显", "轻度", "轻", "稍", "无", "有", "伴");

    /**
     * The body site written right before a Chinese symptom ("右上腹疼痛" → 右上腹, "两上肢无水肿" → 两上肢, "肛周疼痛" →
     * 肛周), else the site its clause begins with ("左乳未触及明显肿物" → 左乳), or null: two mentions of one symptom at
     * different sites are different findings.
     */
    public static String bodySite(String text, int start) {
        int i = start;
        for (String w : ZH_SITE_SKIP) {
            if (i - w.length() >= 0 && text.startsWith(w, i - w.length())) {
                i -= w.length();
                break;
            }
        }
        int j = i;
        while (j > 0 && j > i - 6 && ZH_SITE_CHARS.indexOf(text.charAt(j - 1)) >= 0) j--;
        if (j < i) return text.substring(j, i);
        // else the subject of an examination clause: "左乳未触及明显肿物", "直肠未触及肿物", "左肝膈面可见一肿物"
        int from = clauseStart(text, start, 60);
        Matcher verb = ZH_FINDING_VERB.matcher(text).region(from, start);
        if (!verb.find()) return null;
        // "右乳外上象限（10点钟方向距乳头约3cm）可触及一肿物": the site without what the brackets add
        String subject = text.substring(from, verb.start()).replaceAll("[（(][^）)]*[）)]", "").strip();
        return !subject.isEmpty() && subject.length() <= 12 && subject.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? subject : null;
    }

    /** The verb of an examination clause, after its subject (the site): 未触及, 可见, 无 …. */
    private static final Pattern ZH_FINDING_VERB = Pattern.compile("未触及|未扪及|未闻及|未见|可见|可触及|可扪及|触及|扪及|闻及|见|无|有|伴|感");
}
