package org.emrqc.rules.admin;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RulePack;

/**
 * Knowledge tables authored as spreadsheets: an uploaded CSV or XLSX (first sheet, first row the header) replaces
 * a table's CSV in a pack archive. The header must have exactly the table's columns (any order; the file is
 * written back in the table's order), key columns must be filled, and columns that hold only numbers in the
 * pack must get numbers. Every problem names the row (1 = header) and the column; up to
 * {@link #MAX_PROBLEMS} are reported at once in a {@link KnowledgeTableException}.
 */
public final class KnowledgeTables {
    public static final int MAX_PROBLEMS = 20;
    /** Upload size limit (bytes). */
    public static final int MAX_BYTES = 32 << 20;
    private static final CsvMapper CSV = CsvMapper.builder().enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private KnowledgeTables() { }

    /** A table as read from a spreadsheet: the header and the rows (column → text; blank cells are ""). */
    public record Table(List<String> header, List<Map<String, String>> rows) { }

    /** The archive with the table replaced, the file written and the row counts. */
    public record Replaced(PackArchive archive, String table, String file, int rowsBefore, int rowsAfter) { }

    /** Problems of an upload (stage "knowledge"; file = the uploaded file's name; line = the row). */
    public static class KnowledgeTableException extends InvalidEditException {
        private final transient List<Problem> problems;

        public KnowledgeTableException(List<Problem> problems) {
            super(String.join("\n", problems.stream().map(p -> (p.line() == null ? "" : "row " + p.line() + ", ") + p.message()).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() { return problems; }
    }

    /** A CSV upload (UTF-8, optional BOM; blank lines skipped). */
    public static Table fromCsv(byte[] bytes) { return fromCsv(bytes, "upload.csv"); }

    public static Table fromCsv(byte[] bytes, String name) {
        checkSize(bytes, name);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> raw = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(text)) {
            while (it.hasNextValue()) raw.add(it.nextValue());
        } catch (IOException | RuntimeException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " at line " + j.getLocation().getLineNr() : "";
            throw new KnowledgeTableException(List.of(new Problem(name, null, "not readable as CSV" + where + ": " + firstLine(e.getMessage()), "knowledge")));
        }
        return table(raw, name);
    }

    /** An XLSX upload: the first sheet; cells as displayed (numbers without a trailing .0, formulas evaluated). */
    public static Table fromXlsx(byte[] bytes) { return fromXlsx(bytes, "upload.xlsx"); }

    public static Table fromXlsx(byte[] bytes, String name) {
        checkSize(bytes, name);
        List<List<String>> raw = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() == 0) throw new KnowledgeTableException(List.of(new Problem(name, null, "the workbook has no sheet", "knowledge")));
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            int last = sheet.getLastRowNum();
            for (int r = 0; r <= last; r++) {
                var row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : fmt.formatCellValue(cell, eval).strip());
                    }
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
                raw.add(cells); // blank rows kept here so row numbers stay the sheet's; dropped below
            }
        } catch (KnowledgeTableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KnowledgeTableException(List.of(new Problem(name, null, "not readable as XLSX: " + firstLine(String.valueOf(e.getMessage())), "knowledge")));
        }
        return table(raw, name);
    }

    /** CSV or XLSX by the file name's extension. */
    public static Table read(String fileName, byte[] bytes) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".xlsx")) return fromXlsx(bytes, fileName);
        if (n.endsWith(".csv")) return fromCsv(bytes, fileName);
        throw new KnowledgeTableException(List.of(new Problem(fileName, null, "upload a .csv or .xlsx file", "knowledge")));
    }

    private static void checkSize(byte[] bytes, String name) {
        if (bytes == null || bytes.length == 0) throw new KnowledgeTableException(List.of(new Problem(name, null, "the file is empty", "knowledge")));
        if (bytes.length > MAX_BYTES) throw new KnowledgeTableException(List.of(new Problem(name, null, "larger than " + MAX_BYTES + " bytes", "knowledge")));
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Header from the first row; rows with the same number of values (trailing blanks ignored). */
    private static Table table(List<List<String>> raw, String name) {
        List<Problem> problems = new ArrayList<>();
        if (raw.isEmpty() || raw.get(0).isEmpty()) {
            throw new KnowledgeTableException(List.of(new Problem(name, 1, "the first row must be the header (the table's column names)", "knowledge")));
        }
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < raw.get(0).size(); c++) {
            String h = raw.get(0).get(c) == null ? "" : raw.get(0).get(c).strip();
            if (h.isEmpty()) problems.add(new Problem(name, 1, "column " + (c + 1) + ": empty column name", "knowledge"));
            else if (!seen.add(h)) problems.add(new Problem(name, 1, "column " + (c + 1) + " '" + h + "': the column appears twice", "knowledge"));
            header.add(h);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < raw.size() && problems.size() < MAX_PROBLEMS; r++) {
            List<String> cells = raw.get(r);
            if (cells.stream().allMatch(v -> v == null || v.isBlank())) continue;
            int n = cells.size();
            while (n > header.size() && (cells.get(n - 1) == null || cells.get(n - 1).isBlank())) n--;
            if (n > header.size()) {
                problems.add(new Problem(name, r + 1, "column " + (header.size() + 1) + ": a value beyond the header's " + header.size() + " columns", "knowledge"));
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) row.put(header.get(c), c < cells.size() && cells.get(c) != null ? cells.get(c).strip() : "");
            rows.add(row);
        }
        if (!problems.isEmpty()) throw new KnowledgeTableException(problems);
        return new Table(List.copyOf(header), rows);
    }

    /**
     * Replaces the CSV of a pack's knowledge table with an upload, after checking the header against the table's
     * columns, the key columns and the numeric columns.
     */
    public static Replaced replace(PackArchive archive, String tableName, Table upload) { return replace(archive, tableName, upload, "upload"); }

    public static Replaced replace(PackArchive archive, String tableName, Table upload, String uploadName) {
        RulePack pack;
        try {
            pack = PackLoader.load(archive.source());
        } catch (PackException e) {
            throw new InvalidEditException("the pack does not load, so its tables cannot be replaced: " + e.getMessage());
        }
        var table = pack.knowledge().get(tableName);
        if (table == null) throw new InvalidEditException("knowledge table '" + tableName + "' is not in the pack (tables: " + String.join(", ", pack.knowledge().keySet()) + ")");
        String file = manifestFile(archive, tableName);
        Table current = fromCsv(archive.files().get(file), file);
        List<String> columns = current.header();
        List<Problem> problems = new ArrayList<>();
        String has = " (table " + tableName + " has " + String.join(", ", columns) + ")";
        for (int c = 0; c < upload.header().size(); c++) {
            String h = upload.header().get(c);
            if (!columns.contains(h)) problems.add(new Problem(uploadName, 1, "column " + (c + 1) + " '" + h + "': not a column of the table" + has, "knowledge"));
        }
        for (String col : columns) {
            if (!upload.header().contains(col)) problems.add(new Problem(uploadName, 1, "column '" + col + "' is missing" + has, "knowledge"));
        }
        if (!problems.isEmpty()) throw new KnowledgeTableException(problems);
        Set<String> numeric = numericColumns(current);
        for (int r = 0; r < upload.rows().size() && problems.size() < MAX_PROBLEMS; r++) {
            Map<String, String> row = upload.rows().get(r);
            int rowNo = r + 2;
            for (String k : table.key()) {
                if (row.get(k) == null || row.get(k).isBlank()) problems.add(new Problem(uploadName, rowNo, "column '" + k + "': the key column is empty", "knowledge"));
            }
            for (String c : numeric) {
                String v = row.get(c);
                if (v != null && !v.isBlank() && !isNumber(v)) {
                    problems.add(new Problem(uploadName, rowNo, "column '" + c + "': '" + v + "' is not a number (the column holds numbers)", "knowledge"));
                }
            }
        }
        if (!problems.isEmpty()) throw new KnowledgeTableException(problems);
        String csv = toCsv(columns, upload.rows());
        PackArchive out = archive.with(file, csv);
        try {
            PackLoader.load(out.source());
        } catch (PackException e) {
            throw new KnowledgeTableException(List.of(Problem.parse(e.getMessage(), "knowledge")));
        }
        return new Replaced(out, tableName, file, current.rows().size(), upload.rows().size());
    }

    private static String manifestFile(PackArchive archive, String table) {
        try {
            var n = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(archive.text("pack.yaml"));
            return n.path("knowledge").path(table).path("file").asText();
        } catch (IOException e) {
            throw new InvalidEditException("pack.yaml: " + e.getMessage());
        }
    }

    private static Set<String> numericColumns(Table t) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String c : t.header()) {
            boolean any = false;
            boolean all = true;
            for (Map<String, String> r : t.rows()) {
                String v = r.get(c);
                if (v == null || v.isBlank()) continue;
                any = true;
                all &= isNumber(v);
            }
            if (any && all) out.add(c);
        }
        return out;
    }

    private static boolean isNumber(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A table as CSV in the given column order, quoted where needed, "\n" line ends. */
    public static String toCsv(List<String> columns, List<Map<String, String>> rows) {
        CsvSchema.Builder b = CsvSchema.builder();
        for (String c : columns) b.addColumn(c);
        CsvSchema schema = b.build().withHeader().withLineSeparator("\n");
        StringWriter w = new StringWriter();
        try (var gen = CSV.writer(schema).writeValues(w)) {
            for (Map<String, String> r : rows) {
                Map<String, String> ordered = new LinkedHashMap<>();
                for (String c : columns) ordered.put(c, r.getOrDefault(c, ""));
                gen.write(ordered);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }
}
