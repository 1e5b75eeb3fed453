package org.emrqc.rules.eval;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reviewers' verdicts as CSV (UTF-8, header row): {@code finding_id} or {@code record, rule[, quote]}, and
 * {@code verdict} (true/false, 1/0, yes/no, confirmed/dismissed, tp/fp, 是/否), optional {@code note}. A record is
 * the input's name (without folder and extension) or the patient reference. Errors name the file and line.
 */
public final class Verdicts {
    private static final CsvMapper CSV = new CsvMapper();

    private Verdicts() { }

    public static List<Verdict> read(Path file) {
        List<Verdict> out = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            while (it.hasNext()) rows.add(it.next());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": not readable as CSV (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (rows.isEmpty()) throw new IllegalArgumentException(file + ": empty (expected a header row)");
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int id = header.indexOf("finding_id");
        int record = header.indexOf("record");
        int rule = header.indexOf("rule");
        int quote = header.indexOf("quote");
        int verdict = header.indexOf("verdict");
        int note = header.indexOf("note");
        if (verdict < 0) throw new IllegalArgumentException(file + ": line 1: no 'verdict' column (header: " + rows.get(0) + ")");
        if (id < 0 && (record < 0 || rule < 0)) throw new IllegalArgumentException(file + ": line 1: give a 'finding_id' column, or 'record' and 'rule' columns");
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.stream().allMatch(String::isBlank)) continue;
            String where = file + ": line " + (i + 1);
            Boolean v = parse(get(r, verdict));
            if (v == null) throw new IllegalArgumentException(where + ": verdict '" + get(r, verdict) + "' is not true/false (1/0, yes/no, confirmed/dismissed, tp/fp)");
            String fid = get(r, id);
            if ((fid == null || fid.isBlank()) && (get(r, record) == null || get(r, rule) == null || get(r, record).isBlank() || get(r, rule).isBlank())) {
                throw new IllegalArgumentException(where + ": neither a finding_id nor a record and a rule");
            }
            out.add(new Verdict(fid, get(r, record), get(r, rule), get(r, quote), v, get(r, note), where));
        }
        return out;
    }

    private static String get(List<String> row, int i) { return i < 0 || i >= row.size() ? null : row.get(i).strip(); }

    static Boolean parse(String v) {
        if (v == null) return null;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "confirmed", "tp", "是", "确认" -> true;
            case "false", "0", "no", "n", "dismissed", "fp", "否", "驳回" -> false;
            default -> null;
        };
    }

    /** Writes verdicts as CSV with the columns finding_id, record, rule, quote, verdict, note. */
    public static void write(List<Verdict> verdicts, Writer w) throws IOException {
        w.write("finding_id,record,rule,quote,verdict,note\n");
        for (Verdict v : verdicts) {
            w.write(String.join(",", cell(v.findingId()), cell(v.record()), cell(v.rule()), cell(v.quote()), v.confirmed() ? "true" : "false", cell(v.note())));
            w.write('\n');
        }
    }

    private static String cell(String s) {
        if (s == null) return "";
        String t = s.replace("\r", " ").replace("\n", " ");
        return t.contains(",") || t.contains("\"") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

}
