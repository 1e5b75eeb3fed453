package org.emrqc.extractor.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items of a diagnosis list (初步诊断, 入院诊断, 出院诊断, 术前诊断, 术后诊断, 术中诊断, 修正诊断, 补充诊断): each
 * item with its order (1, 2 …) and its text as written without the numbering. A numbered list is cut at its
 * numbers in sequence (so "5.2型糖尿病" is item 5, "2型糖尿病"); an unnumbered one at "，；、" and wide spaces
 * outside brackets. The list ends where the signature line of a template begins (医师签名：记录时间：).
 */
final class DiagnosisListReader {
    private static final String[] LISTS = {"initial-diagnosis", "discharge-diagnosis", "preoperative-diagnosis",
        "postoperative-diagnosis", "intraoperative-diagnosis", "revised-diagnosis", "supplementary-diagnosis", "final-diagnosis"};
    private static final Pattern END = Pattern.compile("(?:上级)?医师签名|医生签名|签\\s*名[：:]|记录时间|记录者|医师[：:]|诊断医师|日期[：:]");
    private static final Pattern FIELD_LINE = Pattern.compile("\\n[ \\t　]*[\\p{IsHan}]{2,8}[ \\t　]*[：:]");
    private static final String OPEN = "（(【[“";
    private static final String CLOSE = "）)】]”";

    private DiagnosisListReader() { }

    static void read(Source s, List<Found> out) {
        for (Blocks.Block b : s.blocks.withCode(LISTS)) {
            int end = b.end();
            Matcher e = END.matcher(s.text).region(b.start(), b.end());
            if (e.find()) end = e.start();
            // a list written on its header's line ends with its sentence (出院诊断：1、…5、…。院外服药：…)
            int first = b.start();
            while (first < end && s.text.charAt(first) != '\n' && Character.isWhitespace(s.text.charAt(first))) first++;
            if (b.inline() || first < end && s.text.charAt(first) != '\n') end = sentenceEnd(s.text, b.start(), end);
            // and any list ends at a line that starts a field of its own (拟施手术：…, 手术者：…)
            Matcher field = FIELD_LINE.matcher(s.text).region(b.start(), end);
            if (field.find()) end = field.start();
            List<int[]> items = numbered(s.text, b.start(), end);
            if (items == null) items = separated(s.text, b.start(), end);
            else items = unmarked(s.text, items);
            int order = 0;
            for (int[] it : items) {
                int[] t = trim(s.text, it[0], it[1]);
                if (t[1] <= t[0]) continue;
                String item = s.text.substring(t[0], t[1]);
                if (!item.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) continue;
                Found f = new Found("diagnosis-item", item, t[0], t[1]);
                f.order = (double) ++order;
                out.add(f);
            }
        }
    }

    /** The end of the sentence (or line) a list starts: a 。 ； or line break not followed by the next item's number. */
    private static int sentenceEnd(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c == '。' || c == '；' || c == ';' || c == '\n' && i > from) && !(i + 1 < to && Character.isDigit(text.charAt(i + 1)))) return i;
        }
        return to;
    }

    /** Items of a list numbered 1. 2. … (or 1、 1) (1) ①), cut at the numbers in sequence; null when not numbered. */
    static List<int[]> numbered(String text, int from, int to) {
        int i = from;
        while (i < to && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '：' || text.charAt(i) == ':')) i++;
        int[] first = marker(text, i, to, 1);
        if (first == null || first[0] != i) return null;
        List<int[]> out = new ArrayList<>();
        int itemStart = first[1];
        for (int n = 2; ; n++) {
            int[] next = marker(text, itemStart, to, n);
            if (next == null) {
                out.add(new int[]{itemStart, to});
                return out;
            }
            out.add(new int[]{itemStart, next[0]});
            itemStart = next[1];
        }
    }

    /** The first marker of number n in text[from, to): {start, end of marker}, or null. */
    private static int[] marker(String text, int from, int to, int n) {
        String num = Integer.toString(n);
        String circled = n <= 20 ? String.valueOf((char) ('①' + n - 1)) : null;
        for (int i = from; i < to; i++) {
            if (circled != null && text.startsWith(circled, i)) return new int[]{i, i + 1};
            if (!text.startsWith(num, i)) continue;
            if (i > 0 && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) continue;
            int j = i + num.length();
            if (i > 0 && (text.charAt(i - 1) == '(' || text.charAt(i - 1) == '（') && j < to && (text.charAt(j) == ')' || text.charAt(j) == '）')) {
                return new int[]{i - 1, j + 1};
            }
            if (j < to && ".．、".indexOf(text.charAt(j)) >= 0) {
                return new int[]{i, j + 1};
            }
        }
        return null;
    }

    /**
     * A numbered item that goes on after a comma with another diagnosis ("5.咳嗽咳痰伴咳血（待查），睡眠障碍") is two
     * items; a qualifier after a comma (高血压 3级，极高危) stays with its item.
     */
    static List<int[]> unmarked(String text, List<int[]> items) {
        List<int[]> out = new ArrayList<>();
        for (int[] it : items) {
            List<int[]> parts = separated(text, it[0], it[1]);
            int start = it[0];
            for (int i = 0; i < parts.size(); i++) {
                int[] p = parts.get(i);
                String part = text.substring(p[0], p[1]).strip();
                boolean qualifier = part.length() < 2 || QUALIFIER.matcher(part).matches() || text.charAt(p[0] - (p[0] > it[0] ? 1 : 0)) == '、';
                if (i > 0 && !qualifier) {
                    out.add(new int[]{start, p[0] - 1});
                    start = p[0];
                }
            }
            out.add(new int[]{start, it[1]});
        }
        return out;
    }

    private static final Pattern QUALIFIER = Pattern.compile(".*(危|级|期|型|度|组|分|类|性|侧|待查|可能|术后|状态)[)）]?|[（(].*|[\\dA-Za-z].*");

    /** Items separated by ，；、 line breaks or wide spaces outside brackets. */
    static List<int[]> separated(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) depth++;
            else if (CLOSE.indexOf(c) >= 0) depth = Math.max(0, depth - 1);
            else if (depth == 0 && ("，,；;、\n　".indexOf(c) >= 0 || c == ' ' && i + 1 < to && text.charAt(i + 1) == ' ')) {
                out.add(new int[]{start, i});
                start = i + 1;
            }
        }
        out.add(new int[]{start, to});
        return out;
    }

    private static int[] trim(String text, int s, int e) {
        while (s < e && (Character.isWhitespace(text.charAt(s)) || "，,；;、。.：:".indexOf(text.charAt(s)) >= 0)) s++;
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || "，,；;、。.".indexOf(text.charAt(e - 1)) >= 0)) e--;
        return new int[]{s, e};
    }
}
