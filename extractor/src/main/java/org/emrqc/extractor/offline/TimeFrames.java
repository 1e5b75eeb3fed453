package org.emrqc.extractor.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time frames a narrative anchors its statements to, and the frame of each mention. A history of present
 * illness is told over time ("2周前无明显诱因出现胸闷，休息后缓解。4天前突发胸闷加重"), so "denied" and "affirmed"
 * contradict each other only within one time frame.
 *
 * <p>Normalized keys: {@code ago:P14D} (2周前, 14天前, 入院前2周, 近2周), {@code ago:P3M}, {@code ago:P2Y},
 * {@code ago:PT5H}; {@code ago:PxD} for a count not given (数天前); {@code recent} (近期, 近来); {@code date:2017},
 * {@code date:2017-01}, {@code date:2017-01-05}, {@code date:2017-01-05T20:00} (2017年1月, 2017-01-05, 2017-01-05 20:00), {@code date:--03-05}
 * (3月5日, no year); {@code admission} (入院时, 入院查体);
 * {@code inpatient} (入院后, 住院期间); {@code now} (目前, 现, 今日); {@code postop} (术后) and {@code postop:P3D}
 * (术后第3天); {@code preop} (术前); {@code intraop} (术中); {@code discharge} (出院时); {@code after-discharge}
 * (出院后); {@code illness} (发病以来, 病程中); {@code recurrent} (每年冬季, 每次发作); {@code event:化疗后} (a period named by
 * what happened: 化疗期间, 第2程化疗后, 院外期间); {@code after:}<i>key</i> when the text between the frame and the
 * mention tells that the story moved on (予…治疗, 好转, 再次出现). English: "2 weeks ago",
 * "on admission", "currently", "postoperatively".
 *
 * <p>A mention takes the nearest frame written before it in its sentence; in a history narrative (现病史) without
 * one, the nearest earlier frame in the same paragraph.
 */
public final class TimeFrames {
    /** A time expression: its span, as written, and its normalized key. */
    public record Frame(int start, int end, String text, String key) { }

    private static final String NUM = "([0-9０-９]+(?:\\.[0-9]+)?|[一二两三四五六七八九十]{1,3}|半|数|几|多|十余|若干)";
    private static final String UNIT = "(小时|个?小时|分钟|天|日|周|星期|个?月|年)";
    /** 2周前, 3天前, 1年余前, 约半年前, 入院前3天, 10余天前. */
    private static final Pattern AGO = Pattern.compile("(?:入院前|就诊前|来院前)?\\s*约?\\s*" + NUM + "\\s*(余|多|\\+)?\\s*" + UNIT + "\\s*(?:余|多|左右)?\\s*(?:前|以前|之前)");
    /** 入院前3天 (no trailing 前). */
    private static final Pattern BEFORE_ADMISSION = Pattern.compile("(?:入院|就诊|来院)前\\s*约?\\s*" + NUM + "\\s*(余|多|\\+)?\\s*" + UNIT + "(?:余|多|左右)?");
    /** 近3月, 近1周来, 近3日以来, 3天来. */
    private static final Pattern RECENT = Pattern.compile("(?:近|最近)\\s*" + NUM + "\\s*(余|多|\\+)?\\s*" + UNIT + "(?:余|多)?(?:来|以来)?|" + NUM + "\\s*(余|多|\\+)?\\s*" + UNIT + "(?:余|多)?(?:来(?![院我诊])|以来)");
    private static final Pattern DATE = Pattern.compile("(?<![0-9])((?:19|20)\\d{2})\\s*(?:年|[-/.])\\s*(\\d{1,2})(?:\\s*(?:月|[-/.])\\s*(\\d{1,2})\\s*[日号]?"
            + "(?:\\h*(\\d{1,2})\\s*[:：时]\\s*(\\d{2})(?![0-9])分?)?|\\s*月)"
            + "|(?<![0-9])((?:19|20)\\d{2})\\s*年(?![0-9０-９])");
    /** A month written with digits only: 2013-7, 2013/07. */
    private static final Pattern YEAR_MONTH = Pattern.compile("(?<![0-9])((?:19|20)\\d{2})[-/.](\\d{1,2})(?![0-9./-])");
    /** A day of the month after 于: 于11日开始出现…. */
    private static final Pattern DAY = Pattern.compile("(?<=于)(\\d{1,2})\\s*[日号]");
    /** A day without its year: 3月5日, 3月5日20:00. */
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![0-9年./-])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号](?:\\h*(\\d{1,2})\\s*[:：时]\\s*(\\d{2})(?![0-9])分?)?");
    /** A period named by what happened in it: 化疗期间, 前3次化疗期间, 第2程化疗后, 院外期间, 治疗后. */
    private static final Pattern EVENT = Pattern.compile("(?:第?[0-9一二三四五六七八九十]+\\+?(?:次|程|个|周期|疗程)|前[0-9一二三四五六七八九十]+(?:次|程)|[上下末本此]次|首次)?"
            + "(?:(?:化疗|放疗|靶向治疗|免疫治疗|介入治疗|TACE|抗感染治疗|治疗)(?:后|期间|过程中)|(?:院外|妊娠|哺乳)期间)");
    /** In a later clause between a frame and a mention, the story moved on: the frame no longer dates the mention as written. */
    private static final Pattern PROGRESSION = Pattern.compile("予|给予|经[^，,。；;]{0,12}?(?:治疗|处理)|治疗后|逐渐|随后|之后|此后|其后|以后|继而|好转|缓解|消退"
            + "|再次|再发|复发|又出现|后出现|并出现|开始出现|进展|(?<=[。；;，,])后");
    private static final Pattern POSTOP_DAY = Pattern.compile("术后\\s*第?\\s*" + NUM + "\\s*(天|日|周)");
    private static final Pattern NAMED = Pattern.compile(
            "(?<admission>入院时|入院当[日天]|入院查体|入院体检|入科时)"
            + "|(?<inpatient>入院后|住院期间|住院后|入科后|转入后|住院中)"
            + "|(?<postop>术后)|(?<preop>术前)|(?<intraop>术中)"
            + "|(?<discharge>出院时|出院当[日天]|出院前)|(?<afterdischarge>出院后)"
            + "|(?<yesterday>昨[日天晚夜晨])|(?<daybefore>前[天日])"
            + "|(?<now>目前|当前|现在|刻下|此次|本次|今[日天晨早晚]|今(?=[^，,。；;\\n]{0,12}查房|为|患者|来|起)|(?:(?<![\\p{IsHan}])|(?<=患者))现(?![病住象金场])(?=[\\p{IsHan}]))"
            + "|(?<illness>(?:自|患者自)?(?:发病|起病|患病|得病)(?:以来|后)|病程中|病来)"
            + "|(?<recent>近期|近来|近日|最近)"
            + "|(?<recurrent>每年|每逢|每到|每次发作|反复发作时)");
    private static final Pattern EN_AGO = Pattern.compile("(?i)\\b(\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several)\\s+(hours?|days?|weeks?|months?|years?)\\s+ago\\b");
    private static final Pattern EN_NAMED = Pattern.compile("(?i)\\b(?:(?<admission>on admission|at admission|upon admission|on arrival)"
            + "|(?<inpatient>since admission|during (?:the|this) (?:admission|hospitalization|stay))"
            + "|(?<now>currently|at present|today|now)|(?<postop>postoperatively|post-?op(?:erative)?|after (?:the )?surgery))\\b");

    private TimeFrames() { }

    /** Every time frame written in the text, in order, without overlaps (the longest at a place wins). */
    public static List<Frame> find(String text, String language) {
        List<Frame> all = new ArrayList<>();
        if ("zh".equals(language)) {
            Matcher m = AGO.matcher(text);
            while (m.find()) all.add(frame(m, ago(m.group(1), m.group(3))));
            m = BEFORE_ADMISSION.matcher(text);
            while (m.find()) all.add(frame(m, ago(m.group(1), m.group(3))));
            m = RECENT.matcher(text);
            while (m.find()) all.add(frame(m, m.group(1) != null ? ago(m.group(1), m.group(3)) : ago(m.group(4), m.group(6))));
            m = DATE.matcher(text);
            while (m.find()) {
                String key = m.group(6) != null ? "date:" + m.group(6)
                        : "date:" + m.group(1) + "-" + pad(m.group(2)) + (m.group(3) != null ? "-" + pad(m.group(3)) : "")
                        + (m.group(4) != null ? "T" + pad(m.group(4)) + ":" + m.group(5) : "");
                all.add(frame(m, key));
            }
            m = YEAR_MONTH.matcher(text);
            while (m.find()) all.add(frame(m, "date:" + m.group(1) + "-" + pad(m.group(2))));
            m = DAY.matcher(text);
            while (m.find()) all.add(frame(m, "date:---" + pad(m.group(1))));
            m = MONTH_DAY.matcher(text);
            while (m.find()) {
                all.add(frame(m, "date:--" + pad(m.group(1)) + "-" + pad(m.group(2)) + (m.group(3) != null ? "T" + pad(m.group(3)) + ":" + m.group(4) : "")));
            }
            m = EVENT.matcher(text);
            while (m.find()) all.add(frame(m, "event:" + m.group()));
            m = POSTOP_DAY.matcher(text);
            while (m.find()) all.add(frame(m, "postop:" + period(m.group(1), m.group(2))));
            m = NAMED.matcher(text);
            while (m.find()) all.add(frame(m, named(m)));
        } else {
            Matcher m = EN_AGO.matcher(text);
            while (m.find()) all.add(frame(m, ago(english(m.group(1)), m.group(2).toLowerCase().replaceAll("s$", ""))));
            m = EN_NAMED.matcher(text);
            while (m.find()) all.add(frame(m, named(m)));
        }
        all.sort(Comparator.comparingInt(Frame::start).thenComparing(Comparator.comparingInt((Frame f) -> f.end() - f.start()).reversed()));
        List<Frame> out = new ArrayList<>();
        int covered = -1;
        for (Frame f : all) {
            if (f.start() < covered) continue;
            out.add(f);
            covered = f.end();
        }
        return out;
    }

    /**
     * The frame of a mention at [start, end): the nearest frame before it in its sentence, else a frame right after
     * it introduced by 于 ("胸闷于2周前出现"), else — when {@code narrative} (a history of present illness) — the
     * nearest earlier frame in its paragraph, never before {@code floor} (the start of its section). Null when the
     * text gives none.
     */
    public static Frame anchor(String text, List<Frame> frames, int start, int end, int floor, boolean narrative) {
        int sentence = Math.max(floor, ContextRules.sentenceStart(text, start, 200));
        Frame best = null;
        for (Frame f : frames) {
            if (f.end() > start) break;
            if (f.start() >= sentence) best = f;
        }
        if (best != null) return moved(text, best, start);
        int clauseEnd = ContextRules.clauseEnd(text, end, 20);
        for (Frame f : frames) {
            if (f.start() >= end && f.end() <= clauseEnd && text.substring(end, f.start()).strip().equals("于")) return f;
        }
        if (!narrative) return null;
        int paragraph = start;
        while (paragraph > floor && text.charAt(paragraph - 1) != '\n') paragraph--;
        for (Frame f : frames) {
            if (f.end() > start) break;
            if (f.start() >= paragraph) best = f;
        }
        return best == null ? null : moved(text, best, start);
    }

    /** The frame as it dates a mention at start: "after:" its key when the text between tells a later event. */
    private static Frame moved(String text, Frame f, int start) {
        if (f.end() >= start) return f;
        String between = text.substring(f.end(), start);
        Matcher m = PROGRESSION.matcher(between);
        // a development told in a later clause ("2周前出现胸闷，休息后缓解，…"), not the onset itself ("3天前受凉后出现发热")
        while (m.find()) {
            if (between.substring(0, m.start()).matches("(?s).*[，,；;、].*")) return new Frame(f.start(), f.end(), f.text(), "after:" + f.key());
        }
        return f;
    }

    private static Frame frame(Matcher m, String key) {
        // a frame's span is what it says, without the blanks a pattern may have taken at its start
        int s = m.start();
        while (s < m.end() && Character.isWhitespace(m.group().charAt(s - m.start()))) s++;
        return new Frame(s, m.end(), m.group().substring(s - m.start()), key);
    }

    private static String named(Matcher m) {
        for (String g : List.of("admission", "inpatient", "postop", "preop", "intraop", "discharge", "afterdischarge", "yesterday",
                "daybefore", "now", "illness", "recent", "recurrent")) {
            String v;
            try {
                v = m.group(g);
            } catch (IllegalArgumentException e) {
                continue; // the English pattern has fewer groups
            }
            if (v == null) continue;
            return switch (g) {
                case "afterdischarge" -> "after-discharge";
                case "yesterday" -> "ago:P1D";
                case "daybefore" -> "ago:P2D";
                default -> g;
            };
        }
        return "unknown";
    }

    private static String ago(String n, String unit) {
        return "ago:" + period(n, unit);
    }

    /** An ISO-8601 period for a count and a Chinese or English unit: 2周 → P14D, 3月 → P3M, 5小时 → PT5H. */
    static String period(String n, String unit) {
        String u = unit.replace("个", "").strip();
        Double v = number(n);
        String count = v == null ? "x" : format(v);
        switch (u) {
            case "小时", "hour" -> { return "PT" + count + "H"; }
            case "分钟" -> { return "PT" + count + "M"; }
            case "周", "星期", "week" -> { return "P" + (v == null ? "x" : format(v * 7)) + "D"; }
            case "月", "month" -> {
                if (v != null && v == 0.5) return "P15D";
                return "P" + count + "M";
            }
            case "年", "year" -> {
                if (v != null && v == 0.5) return "P6M";
                return "P" + count + "Y";
            }
            default -> { return "P" + count + "D"; }
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    /** A count written in digits (full- or half-width) or Chinese numerals (二十, 十五, 半); null when vague (数, 几). */
    static Double number(String s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        String t = sb.toString();
        if (t.matches("[0-9]+(?:\\.[0-9]+)?")) return Double.parseDouble(t);
        if (t.equals("半")) return 0.5;
        if (t.equals("十余")) return 10.0;
        if (!t.matches("[一二两三四五六七八九十]{1,3}")) return null;
        String digits = "一二三四五六七八九";
        t = t.replace('两', '二');
        int ten = t.indexOf('十');
        if (ten < 0) return (double) (digits.indexOf(t.charAt(0)) + 1);
        int tens = ten == 0 ? 1 : digits.indexOf(t.charAt(0)) + 1;
        int ones = ten == t.length() - 1 ? 0 : digits.indexOf(t.charAt(ten + 1)) + 1;
        return (double) (tens * 10 + ones);
    }

    private static String english(String s) {
        return switch (s.toLowerCase()) {
            case "a", "an", "one" -> "1";
            case "two" -> "2";
            case "three" -> "3";
            case "four" -> "4";
            case "five" -> "5";
            case "six" -> "6";
            case "seven" -> "7";
            case "eight" -> "8";
            case "nine" -> "9";
            case "ten" -> "10";
            case "several" -> "数";
            default -> s;
        };
    }
}
