package org.emrqc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emrqc.model.DefectClass;
import org.emrqc.rules.pack.DocumentFamily;

/** Prints a {@link RuleCoverage} as a table (families × defect classes) or as JSON. */
final class CoverageReport {
    private final RuleCoverage coverage;
    private final String scope;
    private final String language;

    /**
     * @param scope what was counted, e.g. "pack core@2026.11.0, all rules"
     * @param language "zh" or "en": family names and headings
     */
    CoverageReport(RuleCoverage coverage, String scope, String language) {
        this.coverage = coverage;
        this.scope = scope;
        this.language = language;
    }

    private boolean zh() { return "zh".equals(language); }

    private String t(String zh, String en) { return zh() ? zh : en; }

    void printText(PrintStream out) {
        out.println(t("检查覆盖：", "Check coverage: ") + scope);
        out.println();
        List<String> head = new ArrayList<>();
        head.add(t("文书类别", "Document family"));
        for (DefectClass c : DefectClass.values()) head.add(zh() ? c.zh() : c.en());
        head.add(t("合计", "Total"));
        head.add(t("有正反用例", "With fixtures"));
        List<List<String>> rows = new ArrayList<>();
        for (DocumentFamily f : coverage.covered()) {
            List<String> row = new ArrayList<>();
            row.add(f.in(language));
            for (DefectClass c : DefectClass.values()) row.add(cell(coverage.cell(f, c).rules()));
            row.add(String.valueOf(coverage.family(f).rules()));
            row.add(share(coverage.family(f)));
            rows.add(row);
        }
        List<String> total = new ArrayList<>();
        total.add(t("合计", "Total"));
        for (DefectClass c : DefectClass.values()) total.add(String.valueOf(coverage.defectClass(c).rules()));
        total.add(String.valueOf(coverage.total().rules()));
        total.add(share(coverage.total()));

        int[] widths = new int[head.size()];
        for (List<String> r : concat(head, rows, total)) for (int i = 0; i < r.size(); i++) widths[i] = Math.max(widths[i], width(r.get(i)));
        out.println(line(head, widths));
        out.println(rule(widths));
        for (List<String> r : rows) out.println(line(r, widths));
        out.println(rule(widths));
        out.println(line(total, widths));
        out.println();

        List<DocumentFamily> gaps = coverage.uncovered();
        out.println(t("无任何检查的文书类别：", "Families without any check: ")
                + (gaps.isEmpty() ? t("无", "none") : String.join(t("、", ", "), gaps.stream().map(f -> f.in(language)).toList())));
        Map<DocumentFamily, List<String>> bare = coverage.withoutFixtures();
        if (!bare.isEmpty()) {
            out.println(t("缺正反用例的检查：", "Checks without fixtures:"));
            bare.forEach((f, ids) -> out.println("  " + f.in(language) + t("：", ": ") + String.join(", ", ids)));
        }
        out.println();
        out.println(t("有正反用例 = 规则包的 fixtures 中至少有一条应触发和一条不应触发的病历（任一地区）。",
                "With fixtures = the pack's fixtures hold at least one record the rule must fire on and one it must stay silent on (any region)."));
        out.println(t("文书类别取规则的 family 字段；未写时由参数中的文书类型、事件、模板或规则编号推断（见 README）。",
                "A rule's family is its 'family:' field; without one it is derived from the document kinds, events, template or id (see README)."));
    }

    void printJson(PrintStream out, String pack, String region) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("pack", pack);
        if (region == null) root.putNull("region");
        else root.put("region", region);
        root.put("language", language);
        ArrayNode families = root.putArray("families");
        for (DocumentFamily f : coverage.covered()) {
            ObjectNode n = families.addObject();
            n.put("family", f.code());
            n.put("name", f.in(language));
            ObjectNode byClass = n.putObject("byClass");
            for (DefectClass c : DefectClass.values()) byClass.put(c.code(), coverage.cell(f, c).rules());
            count(n, coverage.family(f));
        }
        ObjectNode total = root.putObject("total");
        ObjectNode byClass = total.putObject("byClass");
        for (DefectClass c : DefectClass.values()) byClass.put(c.code(), coverage.defectClass(c).rules());
        count(total, coverage.total());
        ArrayNode gaps = root.putArray("familiesWithoutChecks");
        coverage.uncovered().forEach(f -> gaps.add(f.code()));
        ArrayNode rules = root.putArray("rules");
        for (RuleCoverage.RuleEntry r : coverage.entries()) {
            ObjectNode n = rules.addObject();
            n.put("id", r.id());
            n.put("class", r.defectClass().code());
            n.put("family", r.family().code());
            n.put("familyFrom", r.basis().name().toLowerCase(Locale.ROOT));
            n.put("fixtures", r.fixtures());
        }
        try {
            out.println(json.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void count(ObjectNode n, RuleCoverage.Count c) {
        n.put("rules", c.rules());
        n.put("withFixtures", c.withFixtures());
    }

    private static String cell(int n) { return n == 0 ? "-" : String.valueOf(n); }

    private static String share(RuleCoverage.Count c) {
        if (c.rules() == 0) return "0/0";
        return c.withFixtures() + "/" + c.rules() + " (" + Math.round(100.0 * c.withFixtures() / c.rules()) + "%)";
    }

    private static List<List<String>> concat(List<String> head, List<List<String>> rows, List<String> total) {
        List<List<String>> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        all.add(total);
        return all;
    }

    /** The first column is left-aligned, the counts right-aligned; CJK characters take two columns. */
    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String pad = " ".repeat(widths[i] - width(cells.get(i)));
            if (i > 0) b.append("  ");
            b.append(i == 0 ? cells.get(i) + pad : pad + cells.get(i));
        }
        return b.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        int n = 2 * (widths.length - 1);
        for (int w : widths) n += w;
        return "-".repeat(n);
    }

    /** Terminal columns a string takes: East Asian wide characters count two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
