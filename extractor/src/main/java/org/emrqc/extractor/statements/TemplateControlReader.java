package org.emrqc.extractor.statements;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a template left unfilled, each normalized to its kind:
 * <ul>
 * <li>marker: an editor control left in the text (【…\自定义控件\…】, 【请选择】);</li>
 * <li>prompt: the template's choice or prompt as written (承认或否认, 有/无, 是/否, 请选择, 请输入, 请填写);</li>
 * <li>placeholder: XX, ××, XXX standing for a value (not a karyotype such as 46,XX, nor a masked name: XX主任);</li>
 * <li>blank: a slot left empty — empty brackets or quotes (“”, （）), "TI-RADS 类" without its class, "因于…入院"
 *     without the reason, "在下进行" without the anaesthesia, vital signs with a unit and no number (T：℃,
 *     P：次/分, BP：/mmHg), "有：" with nothing after it, and operative-note fields left empty (手术者：, 手术时间：-,
 *     术中出血量：ml).</li>
 * </ul>
 * De-identification masks (***) are not template controls.
 */
final class TemplateControlReader {
    private record Kind(String kind, Pattern pattern) { }

    private static final List<Kind> KINDS = List.of(
        new Kind("marker", Pattern.compile("【[^】\\n]{0,40}(?:\\\\|自定义|控件|请选择|请输入|下拉)[^】\\n]{0,40}】")),
        new Kind("prompt", Pattern.compile("承认或否认|有\\s*[/／]\\s*无|无\\s*[/／]\\s*有|是\\s*[/／]\\s*否|阴性\\s*[/／]\\s*阳性|左\\s*[/／]\\s*右|男\\s*[/／]\\s*女"
                + "|[（(]?请(?:选择|输入|填写)[^）)\\n，。]{0,8}[）)]?|点击(?:此处)?输入")),
        new Kind("placeholder", Pattern.compile("(?<![A-Za-z\\d,，×*°])(?:[Xx]{2,3}|×{2,3}|Ｘ{2,3})(?:(?=(?:g|kg|mg|ml|mL|cm|mm|mmHg)(?![A-Za-z]))|(?![A-Za-z\\d]))(?!\\s*(?:主任|副主任|主治|医师|医生|教授|护士|先生|女士))")),
        new Kind("blank", Pattern.compile("（\\s*）|\\(\\s*\\)|【\\s*】|\\[\\s*]|“\\s*”|《\\s*》"
                + "|(?:TI|BI|LI|PI|C|O)-?RADS\\s*[:：]?\\s*(?:分级\\s*[:：]?\\s*)?类"
                + "|因\\s*[，,]?\\s*于(?=\\s*(?:\\d|入院|收入|[，,。]))"
                + "|在\\s*下\\s*(?:进行|行(?!结肠|主动脉|支|段|性))"
                + "|(?:(?<![A-Za-z])T|体温)\\s*[：:]?\\s*℃"
                + "|(?:(?<![A-Za-z])[PR]|脉搏|呼吸|心率)\\s*[：:]?\\s*次\\s*/\\s*分"
                + "|(?:(?<![A-Za-z])BP|血压)\\s*[：:]?\\s*/\\s*mmHg"
                + "|(?<=次/分[，,]\\s{0,2})血压(?=\\s*[，,])"
                + "|体重\\s*[：:]\\s*kg|身高\\s*[：:]\\s*cm|术中出血量?\\s*[：:]\\s*ml"
                + "|(?<=(?:史|情况)\\s{0,2}[：:]\\s{0,2})有\\s*[：:](?=\\s*(?:[。，,；;\\n]|$))"
                + "|(?:(?:术前|术后|初步|入院|出院)诊断为?|诊断为)\\s*[：:](?=\\s*[，,。；;])"
                + "|(?:手术者|主刀(?:医师)?|术者|麻醉医师|麻醉方式|手术时间)\\s*[：:](?:\\s*[-—])?(?=[ \\t　]*(?:$|\\n|[\\p{IsHan}]{1,6}\\s*[：:]))")));

    private TemplateControlReader() { }

    static void read(Source s, List<Found> out) {
        for (Kind k : KINDS) {
            Matcher m = k.pattern().matcher(s.text);
            while (m.find()) {
                if (m.end() <= m.start()) continue;
                int end = m.end();
                while (end > m.start() + 1 && Character.isWhitespace(s.text.charAt(end - 1))) end--;
                add(out, new Found("template-control", k.kind(), m.start(), end));
            }
        }
        // a field written as its own line and left empty: 手术时间\n-。
        for (Blocks.Block b : s.blocks.withCode("operation-date", "anesthesia")) {
            if (b.inline()) continue;
            String content = s.text.substring(b.start(), b.end()).strip();
            if (content.matches("[-—–/。.\\s]*")) add(out, new Found("template-control", "blank", b.headerStart(), b.headerStart() + b.title().length()));
        }
    }

    private static void add(List<Found> out, Found f) {
        for (Found o : out) {
            if (o.attribute.equals(f.attribute) && o.start < f.end && f.start < o.end) return;
        }
        out.add(f);
    }
}
