package org.emrqc.extractor.statements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side of the diagnosed or operated site: a paired organ with 左/右/双 (左附件囊肿, 右侧卵巢, 右腋窝, 甲状腺左叶,
 * 卵巢（左）) in a diagnosis list, an operation's name, the account of an operation or its findings, and an imaging
 * report (or an imaging result quoted in a note: CT示左胫骨平台骨折), and the operated site named with the day after
 * the operation (左眼术后第1天). Normalized "{side}:{site}" (left, right, bilateral; the site is the organ group: 附件 covers
 * 卵巢 and 输卵管, 乳腺 covers 乳房, 腋窝 and 前哨淋巴结). Physical examinations, histories and plans are not read;
 * in operative accounts and imaging, a side in a clause that reports a normal finding (未见异常, 正常) is not read.
 */
final class LateralityReader {
    /** Organ term → site (organ group). */
    private static final Map<String, String> SITES = new LinkedHashMap<>();

    static {
        String[][] groups = {
            {"附件", "附件", "卵巢", "输卵管", "附件区"},
            {"乳腺", "乳腺", "乳房", "乳", "腋窝", "腋下", "前哨淋巴结", "腋窝淋巴结"},
            {"肾", "肾", "肾脏", "肾盂"}, {"输尿管", "输尿管"}, {"肾上腺", "肾上腺"},
            {"肺", "肺", "肺叶", "上肺", "下肺", "主支气管"},
            {"甲状腺", "甲状腺"},
            {"眼", "眼", "眼球", "晶状体", "视网膜", "角膜", "眼睑"}, {"耳", "耳", "中耳", "鼓膜", "外耳道"},
            {"睾丸", "睾丸", "附睾", "精索", "阴囊"}, {"腹股沟", "腹股沟", "腹股沟斜疝", "腹股沟疝"},
            {"膝", "膝", "膝关节", "髌骨", "半月板"}, {"髋", "髋", "髋关节", "股骨头", "股骨颈"}, {"肩", "肩", "肩关节"},
            {"肘", "肘", "肘关节"}, {"腕", "腕", "腕关节"}, {"踝", "踝", "踝关节"},
            {"上肢", "上肢", "前臂", "上臂", "手", "手指", "拇指"}, {"下肢", "下肢", "小腿", "大腿", "足", "大隐静脉", "小隐静脉", "足背"},
            {"股骨", "股骨", "股骨干"}, {"胫骨", "胫骨", "胫腓骨", "腓骨"}, {"肱骨", "肱骨"}, {"尺桡骨", "尺骨", "桡骨", "尺桡骨"},
            {"锁骨", "锁骨"}, {"颈动脉", "颈动脉", "颈内动脉"}, {"胸腔", "胸腔", "胸膜"},
        };
        for (String[] g : groups) for (int i = 1; i < g.length; i++) SITES.put(g[i], g[0]);
    }

    private static final Pattern TERMS;

    static {
        List<String> t = new ArrayList<>(SITES.keySet());
        t.sort(Comparator.comparingInt(String::length).reversed());
        TERMS = Pattern.compile(String.join("|", t));
        POSTOP_DAY = Pattern.compile("(?:左|右)侧?(?:" + String.join("|", t) + ")[^，,。；;\\n]{0,8}?术后第?[0-9一二三四五六七八九十]+天");
    }

    private static final String[] READ = {"initial-diagnosis", "discharge-diagnosis", "preoperative-diagnosis",
        "postoperative-diagnosis", "intraoperative-diagnosis", "revised-diagnosis", "supplementary-diagnosis", "final-diagnosis",
        "operation-name", "planned-operation", "operation-course", "operative-findings", "imaging-conclusion"};
    private static final String[] NARRATIVE = {"operation-course", "operative-findings", "imaging-conclusion"};
    private static final Pattern IMAGING = Pattern.compile("(?:CT|MRI|MR|X线|X光|胸片|平片|DR|超声|彩超|B超|造影|PET-CT|PET|ECT|骨扫描|钼靶|三维重建)"
            + "[^。；;\\n]{0,25}?(?:提示|显示|示)[：:]?");
    private static final Pattern POSTOP_DAY;
    private static final Pattern NORMAL = Pattern.compile("未见(?:明显)?异常|未见明显|未见|正常|无异常|无明显|未触及|未扪及|无肿大|对侧");
    private static final Pattern SIDE_BEFORE = Pattern.compile("(双侧|两侧|双|两|左侧|右侧|左|右)\\s*$");
    private static final Pattern BOTH = Pattern.compile("左\\s*[、和及与/]\\s*右(?:侧)?\\s*$|右\\s*[、和及与/]\\s*左(?:侧)?\\s*$");
    private static final Pattern SIDE_AFTER = Pattern.compile("^\\s*(?:[（(]\\s*(双侧|左侧|右侧|左|右)\\s*[）)]|(左|右)叶)");

    private LateralityReader() { }

    static void read(Source s, List<Found> out) {
        boolean report = "DiagnosticReport".equals(s.doc.resourceType());
        List<int[]> ranges = new ArrayList<>();
        if (report) ranges.add(new int[]{0, s.text.length(), 1});
        for (Blocks.Block b : s.blocks.withCode(READ)) {
            boolean narrative = false;
            for (String c : NARRATIVE) narrative |= c.equals(b.code());
            ranges.add(new int[]{b.start(), b.end(), narrative ? 1 : 0});
        }
        if (!report) {
            // imaging results quoted in any part but the physical examination: CT示左胫骨平台骨折
            Matcher im = IMAGING.matcher(s.text);
            while (im.find()) {
                if (s.blocks.within(im.start(), "physical-exam", "specialty-exam", "family-history")) continue;
                ranges.add(new int[]{im.end(), s.sentenceEnd(im.end()), 2});
            }
            // the operated site named with the day after the operation: 左眼术后第1天
            Matcher po = POSTOP_DAY.matcher(s.text);
            while (po.find()) ranges.add(new int[]{po.start(), po.end(), 3});
        }
        for (int[] r : ranges) {
            Matcher m = TERMS.matcher(s.text).region(r[0], r[1]);
            while (m.find()) {
                String next = m.end() < s.text.length() ? s.text.substring(m.end(), m.end() + 1) : "";
                if (m.group().equals("手") && next.equals("术") || m.group().equals("足") && next.equals("月")
                        || m.group().equals("乳") && (next.equals("酸") || next.equals("糜"))) continue;
                String side = side(s.text, m.start(), m.end(), r[0]);
                if (side == null) continue;
                if (r[2] == 1 || r[2] == 2) {
                    int cs = s.clauseStart(m.start());
                    int ce = m.end();
                    while (ce < s.text.length() && "。；;，,\n".indexOf(s.text.charAt(ce)) < 0) ce++;
                    if (NORMAL.matcher(s.text.substring(cs, ce)).find()) continue;
                }
                int[] span = span(s.text, m.start(), m.end(), r[0]);
                String site = SITES.get(m.group());
                boolean known = false;
                for (Found o : out) known |= o.attribute.equals("laterality") && o.start == span[0];
                if (known) continue;
                Found f = new Found("laterality", side + ":" + site, span[0], span[1]);
                f.laterality = side;
                f.bodySite = site;
                // a status-post item (右乳癌术后) speaks of a past operation, maybe of the other organ
                int itemEnd = m.end();
                while (itemEnd < r[1] && "，,；;、。\n".indexOf(s.text.charAt(itemEnd)) < 0
                        && !(Character.isDigit(s.text.charAt(itemEnd)) && itemEnd + 1 < r[1] && ".．、".indexOf(s.text.charAt(itemEnd + 1)) >= 0)) itemEnd++;
                String item = s.text.substring(span[0], itemEnd);
                f.historical = r[2] == 0 && (item.contains("术后") || item.contains("史") || item.contains("复查")) && !POSTOP_DAY.matcher(item).find()
                        && !s.text.startsWith("术后第", m.end()) && !item.matches(".*术后第?[0-9一二三四五六七八九十]+天.*");
                if (r[2] == 2) f.section = "imaging-in-note";
                if (r[2] == 3) f.section = "postop-day";
                out.add(f);
            }
        }
    }

    /** left, right or bilateral written just before the organ (左侧卵巢) or just after it (甲状腺左叶, 卵巢（左）). */
    private static String side(String text, int start, int end, int from) {
        if (BOTH.matcher(text.substring(Math.max(from, start - 5), start)).find()) return "bilateral";
        Matcher b = SIDE_BEFORE.matcher(text.substring(Math.max(from, start - 3), start));
        if (b.find()) return normalize(b.group(1));
        Matcher a = SIDE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 6)));
        if (a.find()) return normalize(a.group(1) != null ? a.group(1) : a.group(2));
        return null;
    }

    /** The span from the side to the organ, as written. */
    private static int[] span(String text, int start, int end, int from) {
        Matcher b = SIDE_BEFORE.matcher(text.substring(Math.max(from, start - 3), start));
        if (b.find()) return new int[]{Math.max(from, start - 3) + b.start(1), end};
        Matcher a = SIDE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 6)));
        if (a.find()) return new int[]{start, end + a.end()};
        return new int[]{start, end};
    }

    private static String normalize(String side) {
        if (side.startsWith("双") || side.startsWith("两")) return "bilateral";
        return side.startsWith("左") ? "left" : "right";
    }
}
