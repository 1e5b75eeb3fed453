package org.emrqc.extractor.statements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headed parts of a Chinese clinical text that statements are read from: a header on a line of its own
 * ("初步诊断"), at the start of a line before a colon ("婚育史：已婚"), in 【】, or inside a paragraph before a colon
 * ("…过敏史:否认药物、食物过敏史"). A block's content runs to the next header of its own form (a line header to
 * the next line header, an inline header to the next header or the end of its line). The section detector knows
 * fewer headers (一般项目, 药物过敏史, 术中诊断, 拟行手术名称 … are not sections there), so the statement readers
 * keep their own list.
 */
final class Blocks {
    /** Header as written → code. Codes follow the section detector's where it has one. */
    static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        String[][] pairs = {
            {"一般项目", "general"}, {"一般情况", "general"}, {"基本信息", "general"}, {"患者基本信息", "general"},
            {"主诉", "chief-complaint"}, {"现病史", "hpi"}, {"既往史", "past-history"}, {"手术外伤史", "surgical-history"},
            {"输血史", "transfusion-history"}, {"过敏史", "allergies"}, {"药物过敏史", "allergies"}, {"食物过敏史", "allergies"},
            {"个人史", "personal-history"}, {"婚育史", "marital-history"}, {"婚姻史", "marital-history"}, {"婚育月经史", "marital-history"},
            {"月经婚育史", "marital-history"}, {"月经史", "menstrual-history"}, {"月经生育史", "menstrual-history"},
            {"生育史", "obstetric-history"}, {"孕产史", "obstetric-history"}, {"家族史", "family-history"},
            {"体格检查", "physical-exam"}, {"查体", "physical-exam"}, {"专科检查", "specialty-exam"}, {"专科情况", "specialty-exam"},
            {"辅助检查", "investigations"},
            {"初步诊断", "initial-diagnosis"}, {"入院诊断", "initial-diagnosis"}, {"出院诊断", "discharge-diagnosis"},
            {"术前诊断", "preoperative-diagnosis"}, {"术后诊断", "postoperative-diagnosis"}, {"术中诊断", "intraoperative-diagnosis"},
            {"修正诊断", "revised-diagnosis"}, {"补充诊断", "supplementary-diagnosis"}, {"最后诊断", "final-diagnosis"},
            {"确定诊断", "final-diagnosis"}, {"死亡诊断", "death-diagnosis"},
            {"病例特点", "case-features"}, {"诊断依据", "diagnostic-basis"}, {"鉴别诊断", "differential-diagnosis"},
            {"拟诊讨论", "diagnostic-discussion"}, {"诊疗计划", "plan"}, {"入院情况", "admission-status"}, {"诊疗经过", "hospital-course"},
            {"出院情况", "discharge-status"}, {"出院医嘱", "discharge-orders"},
            {"手术名称", "operation-name"}, {"手术方式", "operation-name"}, {"术式", "operation-name"},
            {"拟行手术名称", "planned-operation"}, {"拟行手术", "planned-operation"}, {"拟施手术名称", "planned-operation"},
            {"手术经过", "operation-course"}, {"手术过程", "operation-course"}, {"手术经过、术中发现的情况及处理", "operation-course"},
            {"手术经过及术中发现", "operation-course"}, {"术中所见", "operative-findings"}, {"术中发现", "operative-findings"},
            {"手术日期", "operation-date"}, {"手术时间", "operation-date"}, {"麻醉方式", "anesthesia"},
            {"检查结论", "imaging-conclusion"}, {"影像学诊断", "imaging-conclusion"}, {"诊断意见", "imaging-conclusion"},
            {"超声提示", "imaging-conclusion"}, {"超声诊断", "imaging-conclusion"}, {"检查印象", "imaging-conclusion"},
            {"印象", "imaging-conclusion"}, {"结论", "imaging-conclusion"},
        };
        for (String[] p : pairs) HEADERS.put(p[0], p[1]);
        // headers of other parts: they read nothing but end the block before them
        for (String t : new String[]{"拟行麻醉方式", "拟施麻醉方式", "术前准备", "注意事项", "手术要点", "手术计划", "手术指征", "简要病情",
            "病情评估", "讨论意见", "讨论结论", "术后处理", "术后注意事项", "手术简要结果如下", "标本处理", "植入物", "引流情况",
            "可能出现的意外及防范措施", "预防接种史", "传染病史", "出院带药", "会诊意见", "抢救经过", "死亡原因", "病程记录",
            "首次病程记录", "日常病程记录", "术后首次病程记录", "上级医师查房记录", "查房记录", "入院记录", "出院记录", "手术记录",
            "术前讨论记录", "术前小结", "辅助检查结果", "治疗经过", "目前情况", "目前诊断", "下一步诊疗计划", "处理意见", "医嘱"}) {
            HEADERS.putIfAbsent(t, "other");
        }
    }

    /** A headed block: its header as written, code, where the header starts and where its content starts and ends. */
    record Block(String title, String code, int headerStart, int start, int end, boolean inline) {
        boolean contains(int offset) { return start <= offset && offset < end; }
    }

    private static final Pattern LINE = Pattern.compile("(?m)^[ \\t　]*(?:【([^】\\n]{1,20})】[ \\t　]*[：:]?|([\\p{IsHan}、]{2,20})[ \\t　]*(?:[：:]|$))");
    /** Headers too common as ordinary words to be read inside a paragraph. */
    private static final java.util.Set<String> NOT_INLINE = java.util.Set.of("印象", "结论", "术式", "查体", "一般情况");
    private static final Pattern INLINE;

    static {
        List<String> titles = new ArrayList<>(HEADERS.keySet());
        titles.sort(Comparator.comparingInt(String::length).reversed());
        titles.removeAll(NOT_INLINE);
        INLINE = Pattern.compile("(" + String.join("|", titles.stream().map(Pattern::quote).toList()) + ")[ \\t　]*[：:]");
    }

    private final List<Block> blocks;

    private Blocks(List<Block> blocks) { this.blocks = blocks; }

    List<Block> all() { return blocks; }

    static Blocks of(String text) {
        List<int[]> lines = new ArrayList<>(); // header start, content start
        List<String> lineTitles = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            String t = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            if (!HEADERS.containsKey(t)) continue;
            lines.add(new int[]{m.start(1) != -1 ? m.start(1) - 1 : m.start(2), m.end()});
            lineTitles.add(t);
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int end = i + 1 < lines.size() ? lines.get(i + 1)[0] : text.length();
            String t = lineTitles.get(i);
            out.add(new Block(t, HEADERS.getOrDefault(t, "other"), lines.get(i)[0], lines.get(i)[1], Math.max(lines.get(i)[1], end), false));
        }
        // inline headers: those not already a line header
        List<int[]> inl = new ArrayList<>();
        List<String> inlTitles = new ArrayList<>();
        m = INLINE.matcher(text);
        while (m.find()) {
            boolean atLine = false;
            for (int[] l : lines) atLine |= l[0] <= m.start() && m.start() < l[1];
            if (atLine) continue;
            // a longer word ending in a header (e.g. 药物过敏史 inside 否认药物过敏史:) is still that header
            inl.add(new int[]{m.start(), m.end()});
            inlTitles.add(m.group(1));
        }
        for (int i = 0; i < inl.size(); i++) {
            int start = inl.get(i)[1];
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            if (i + 1 < inl.size()) end = Math.min(end, inl.get(i + 1)[0]);
            for (int[] l : lines) if (l[0] > start) { end = Math.min(end, l[0]); break; }
            String t = inlTitles.get(i);
            out.add(new Block(t, HEADERS.get(t), inl.get(i)[0], start, end, true));
        }
        out.sort(Comparator.comparingInt(Block::start));
        return new Blocks(out);
    }

    /** The innermost block holding an offset (an inline block inside a line block wins), or null. */
    Block at(int offset) {
        Block hit = null;
        for (Block b : blocks) {
            if (b.contains(offset) && (hit == null || b.start() >= hit.start())) hit = b;
        }
        return hit;
    }

    /** Blocks with one of the given codes. */
    List<Block> withCode(String... codes) {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) for (String c : codes) if (c.equals(b.code())) out.add(b);
        return out;
    }

    /** Whether an offset lies in a block with one of the codes (at any depth). */
    boolean within(int offset, String... codes) {
        for (Block b : blocks) {
            if (!b.contains(offset)) continue;
            for (String c : codes) if (c.equals(b.code())) return true;
        }
        return false;
    }
}
