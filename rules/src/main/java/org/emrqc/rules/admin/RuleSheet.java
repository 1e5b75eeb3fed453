package org.emrqc.rules.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.emrqc.model.DefectClass;
import org.emrqc.model.Severity;

/**
 * Simple rules authored as a spreadsheet (CSV, UTF-8; a spreadsheet program's "Save as CSV UTF-8"): one row per
 * rule instance of an existing template, turned into a rules file ({@code rules/X.yaml}) the pack loader reads.
 *
 * <p>Columns: {@code id, class, template, severity, points, title_zh, title_en, message_zh, message_en} (required),
 * {@code veto, regulation, fix_zh, fix_en, departments_include, departments_exclude} (optional; departments
 * separated by {@code ;}) and {@code param.NAME} per template parameter (a number, true/false, a list as
 * {@code [a, b]}, else text). Every problem names its row (as a spreadsheet numbers it: the header is row 1)
 * and column; nothing is written unless every row is valid.
 */
public final class RuleSheet {
    static final List<String> REQUIRED = List.of("id", "class", "template", "severity", "points", "title_zh", "title_en", "message_zh", "message_en");
    static final List<String> OPTIONAL = List.of("veto", "regulation", "fix_zh", "fix_en", "departments_include", "departments_exclude");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper FLOW = new ObjectMapper(new YAMLFactory());

    /** The result: the rules file's text and the ids it defines, or the problems (then no text). */
    public record Result(String yaml, List<String> ids, List<String> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    private RuleSheet() { }

    /**
     * A sheet uploaded as a file: {@code .xlsx} (the first sheet, read with Apache POI) or CSV; see
     * {@link #read(byte[], Set, Set)}.
     */
    public static Result read(String fileName, byte[] bytes, Set<String> templates, Set<String> existing) {
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            KnowledgeTables.Table t;
            try {
                t = KnowledgeTables.fromXlsx(bytes, fileName);
            } catch (KnowledgeTables.KnowledgeTableException e) {
                return new Result(null, List.of(), e.problems().stream().map(Problem::message).toList());
            }
            return read(KnowledgeTables.toCsv(t.header(), t.rows()).getBytes(StandardCharsets.UTF_8), templates, existing);
        }
        return read(bytes, templates, existing);
    }

    /**
     * @param templates the pack's template names (a row naming another is refused); null to skip that check
     * @param existing  rule ids already in the pack (a row reusing one is refused)
     */
    public static Result read(byte[] csv, Set<String> templates, Set<String> existing) {
        List<String> problems = new ArrayList<>();
        List<List<String>> rows = parse(csv, problems);
        if (!problems.isEmpty()) return new Result(null, List.of(), problems);
        if (rows.isEmpty()) return new Result(null, List.of(), List.of("the sheet is empty: the first row must name the columns"));
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String r : REQUIRED) if (!header.contains(r)) problems.add("row 1: missing column '" + r + "'");
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (!REQUIRED.contains(h) && !OPTIONAL.contains(h) && !(h.startsWith("param.") && h.length() > 6) && !h.isEmpty()) {
                problems.add("row 1, column " + column(c) + ": unknown column '" + rows.get(0).get(c).strip() + "' (param.NAME for a template parameter)");
            }
        }
        if (!problems.isEmpty()) return new Result(null, List.of(), problems);
        ArrayNode rules = YAML.createArrayNode();
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>(existing == null ? Set.of() : existing);
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) continue;
            Map<String, String> cell = new LinkedHashMap<>();
            Map<String, Integer> col = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cell.put(header.get(c), c < row.size() ? row.get(c).strip() : "");
                col.put(header.get(c), c);
            }
            int before = problems.size();
            String at = "row " + (i + 1);
            ObjectNode rule = YAML.createObjectNode();
            String id = cell.get("id");
            if (!ID.matcher(id).matches()) problems.add(at + ", column " + column(col.get("id")) + ": id '" + id + "' must look like UNR-BP-RANGE (capitals, digits, hyphens)");
            else if (!seen.add(id)) problems.add(at + ", column " + column(col.get("id")) + ": id " + id + " is already defined");
            rule.put("id", id);
            try {
                rule.put("class", DefectClass.fromCode(cell.get("class")).code());
            } catch (IllegalArgumentException e) {
                problems.add(at + ", column " + column(col.get("class")) + ": " + e.getMessage());
            }
            String template = cell.get("template");
            if (template.isEmpty()) problems.add(at + ", column " + column(col.get("template")) + ": template is required");
            else if (templates != null && !templates.contains(template)) {
                problems.add(at + ", column " + column(col.get("template")) + ": no template '" + template + "' in the pack");
            }
            rule.put("template", template);
            rule.set("title", text(cell.get("title_zh"), cell.get("title_en")));
            try {
                rule.put("severity", Severity.fromCode(cell.get("severity")).code());
            } catch (IllegalArgumentException e) {
                problems.add(at + ", column " + column(col.get("severity")) + ": " + e.getMessage());
            }
            try {
                double points = Double.parseDouble(cell.get("points"));
                if (points < 0) throw new NumberFormatException();
                rule.put("points", points);
            } catch (NumberFormatException e) {
                problems.add(at + ", column " + column(col.get("points")) + ": points '" + cell.get("points") + "' is not a number ≥ 0");
            }
            String veto = cell.getOrDefault("veto", "");
            if (!veto.isEmpty()) {
                if (!veto.equalsIgnoreCase("true") && !veto.equalsIgnoreCase("false")) problems.add(at + ", column " + column(col.get("veto")) + ": veto must be true or false");
                else rule.put("veto", Boolean.parseBoolean(veto.toLowerCase(Locale.ROOT)));
            }
            if (!cell.getOrDefault("regulation", "").isEmpty()) rule.put("regulation", cell.get("regulation"));
            ObjectNode params = YAML.createObjectNode();
            for (Map.Entry<String, String> e : cell.entrySet()) {
                if (!e.getKey().startsWith("param.") || e.getValue().isEmpty()) continue;
                try {
                    params.set(e.getKey().substring(6), value(e.getValue()));
                } catch (IOException ex) {
                    problems.add(at + ", column " + column(col.get(e.getKey())) + ": cannot read '" + e.getValue() + "' as a value");
                }
            }
            if (!params.isEmpty()) rule.set("params", params);
            rule.set("message", text(cell.get("message_zh"), cell.get("message_en")));
            if (!cell.getOrDefault("fix_zh", "").isEmpty() || !cell.getOrDefault("fix_en", "").isEmpty()) {
                rule.set("fix", text(cell.getOrDefault("fix_zh", ""), cell.getOrDefault("fix_en", "")));
            }
            List<String> include = departments(cell.getOrDefault("departments_include", ""));
            List<String> exclude = departments(cell.getOrDefault("departments_exclude", ""));
            if (!include.isEmpty() || !exclude.isEmpty()) {
                ObjectNode d = rule.putObject("departments");
                if (!include.isEmpty()) include.forEach(d.putArray("include")::add);
                if (!exclude.isEmpty()) exclude.forEach(d.putArray("exclude")::add);
            }
            for (String r : List.of("title_zh", "title_en", "message_zh", "message_en")) {
                if (cell.get(r).isEmpty()) problems.add(at + ", column " + column(col.get(r)) + ": " + r + " is required");
            }
            if (problems.size() == before) {
                rules.add(rule);
                ids.add(id);
            }
        }
        if (!problems.isEmpty()) return new Result(null, List.of(), problems);
        if (ids.isEmpty()) return new Result(null, List.of(), List.of("the sheet has no rule rows"));
        ObjectNode doc = YAML.createObjectNode();
        doc.set("rules", rules);
        try {
            return new Result("# Written from a rule sheet (CSV) by emrqc; edit the sheet, not this file.\n" + YAML.writeValueAsString(doc), ids, List.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<String>> parse(byte[] csv, List<String> problems) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (var it = mapper.readerFor(String[].class).<String[]>readValues(text)) {
            while (it.hasNext()) rows.add(List.of(it.next()));
        } catch (IOException | RuntimeException e) {
            problems.add("row " + (rows.size() + 1) + ": not valid CSV (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return rows;
    }

    private static JsonNode value(String v) throws IOException {
        JsonNode n = FLOW.readTree(v);
        return n == null ? FLOW.getNodeFactory().textNode(v) : n;
    }

    private static ObjectNode text(String zh, String en) {
        ObjectNode t = YAML.createObjectNode();
        t.put("en", en);
        t.put("zh", zh);
        return t;
    }

    private static List<String> departments(String cell) {
        List<String> out = new ArrayList<>();
        for (String d : cell.split("[;；]")) if (!d.isBlank()) out.add(d.strip());
        return out;
    }

    /** A spreadsheet column name: 0 → A, 26 → AA. */
    static String column(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    /** A spreadsheet with the columns in order, for authors to start from. */
    public static String header() {
        return String.join(",", REQUIRED) + "," + String.join(",", OPTIONAL) + ",param.NAME";
    }
}
