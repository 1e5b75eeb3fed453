package org.emrqc.extractor.offline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written next to a symptom: 3天, 2月余, 半年, 1周前; "for 3 days", "2 weeks ago", "x 5 days". */
public final class Durations {
    /** A duration found: its text span and its length in days. */
    public record Found(int start, int end, String text, double days) { }

    /** Not an ordinal (第3周期), a date (2025年1月) or an age (5周岁). */
    private static final Pattern ZH = Pattern.compile("(?<![第0-9０-９.年月])([0-9０-９]+(?:\\.[0-9]+)?|[一二两三四五六七八九十半]+)\\s*(?:个)?\\s*(余)?\\s*(小时|分钟|天|日|周|星期|月|年)(?![期岁])(余)?(前|来|后)?");
    private static final Pattern EN = Pattern.compile("(?i)\\b(\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several)\\s+(hours?|days?|weeks?|months?|years?)(\\s+ago)?\\b");

    private Durations() { }

    /** The first duration in text[from, to), or null. */
    public static Found first(String text, int from, int to, String language) {
        String window = text.substring(Math.max(0, from), Math.min(text.length(), to));
        Matcher m = ("zh".equals(language) ? ZH : EN).matcher(window);
        boolean found = false;
        while (m.find()) {
            // a year written as a number (2014年) is a date, not 2014 years
            if ("zh".equals(language) && "年".equals(m.group(3)) && number(m.group(1)) >= 1900) continue;
            found = true;
            break;
        }
        if (!found) return null;
        double n = number(m.group(1));
        String unit = "zh".equals(language) ? m.group(3) : m.group(2).toLowerCase();
        double days = n * switch (unit.replaceAll("s$", "")) {
            case "小时", "hour" -> 1 / 24d;
            case "分钟" -> 1 / 1440d;
            case "天", "日", "day" -> 1;
            case "周", "星期", "week" -> 7;
            case "月", "month" -> 30;
            case "年", "year" -> 365;
            default -> 1;
        };
        int s = Math.max(0, from) + m.start();
        return new Found(s, s + m.group().length(), m.group(), days);
    }

    static double number(String s) {
        String t = s.toLowerCase();
        switch (t) {
            case "半": return 0.5;
            case "a": case "an": case "one": case "一": return 1;
            case "two": case "二": case "两": return 2;
            case "three": case "三": return 3;
            case "four": case "四": return 4;
            case "five": case "五": return 5;
            case "six": case "六": return 6;
            case "seven": case "七": return 7;
            case "eight": case "八": return 8;
            case "nine": case "九": return 9;
            case "ten": case "十": return 10;
            case "several": return 3;
            default:
                StringBuilder sb = new StringBuilder();
                for (char c : t.toCharArray()) sb.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
                try {
                    return Double.parseDouble(sb.toString());
                } catch (NumberFormatException e) {
                    return 1;
                }
        }
    }
}
