package org.emrqc.console.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.console.api.ProblemException;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.admin.Problem;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RulePack;

/**
 * Replaces a knowledge table of a pack archive with an uploaded CSV: the header must name the same columns as the
 * table's current file (same order), every row must have as many cells as the header, and the pack must still
 * load (PackLoader's strict CSV reading; its message names file and line). Errors are 400 with the row and
 * column. XLSX is refused with a clear message: no spreadsheet reader is on the console's classpath.
 */
final class KnowledgeUpload {
    record Result(PackArchive archive, String file, int rows, List<String> columns) { }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final CsvMapper CSV = new CsvMapper();

    private KnowledgeUpload() { }

    static Result replace(PackArchive archive, RulePack pack, String table, byte[] body, boolean xlsx) {
        if (!pack.knowledge().containsKey(table)) {
            throw ProblemException.notFound("no knowledge table '" + table + "' in " + pack.label() + " (tables: " + pack.knowledge().keySet() + ")");
        }
        if (xlsx) {
            throw new ProblemException(415, "Unsupported Media Type", "XLSX uploads are not supported by this console yet: save the sheet as CSV (UTF-8) and upload that");
        }
        if (body == null || body.length == 0) throw ProblemException.badRequest("empty body: send the table as CSV (UTF-8, header row first)");
        String file = file(archive, table);
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> expected = rows(archive.text(file), file).get(0);
        List<List<String>> rows = rows(text, "the upload");
        if (rows.isEmpty()) throw ProblemException.badRequest("the upload is empty: the first row must be the header " + expected);
        List<String> header = rows.get(0);
        if (!header.equals(expected)) {
            for (int c = 0; c < Math.max(header.size(), expected.size()); c++) {
                String got = c < header.size() ? header.get(c) : "(missing)";
                String want = c < expected.size() ? expected.get(c) : "(none)";
                if (!got.equals(want)) {
                    throw ProblemException.badRequest("row 1, column " + (c + 1) + ": the header has '" + got + "' where the table " + table + " has '" + want
                            + "' (columns: " + String.join(", ", expected) + ")");
                }
            }
        }
        for (int r = 1; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw ProblemException.badRequest("row " + (r + 1) + ": " + rows.get(r).size() + " cells, the header has " + header.size());
            }
        }
        PackArchive next = archive.with(file, text.getBytes(StandardCharsets.UTF_8));
        try {
            PackLoader.load(next.source());
        } catch (PackException e) {
            throw ProblemException.badRequest("the table does not load: " + e.getMessage()).with("problems", List.of(Problem.parse(e.getMessage(), "knowledge")));
        }
        return new Result(next, file, rows.size() - 1, header);
    }

    /** The file of a table, from pack.yaml (knowledge.NAME.file). */
    static String file(PackArchive archive, String table) {
        try {
            JsonNode m = YAML.readTree(archive.text("pack.yaml"));
            String f = m.path("knowledge").path(table).path("file").asText(null);
            if (f == null || !archive.has(f)) throw ProblemException.badRequest("pack.yaml: knowledge table '" + table + "' has no file in the pack");
            return f;
        } catch (IOException e) {
            throw ProblemException.badRequest("pack.yaml: " + e.getMessage());
        }
    }

    private static List<List<String>> rows(String text, String what) {
        List<List<String>> out = new ArrayList<>();
        try (var it = CSV.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(text)) {
            while (it.hasNextValue()) {
                @SuppressWarnings("unchecked")
                List<String> row = (List<String>) it.nextValue();
                out.add(row.stream().map(String::strip).toList());
            }
        } catch (IOException | RuntimeException e) {
            String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() + (j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ")") : e.getMessage();
            throw ProblemException.badRequest(what + ": not readable as CSV: " + msg);
        }
        return out;
    }
}
