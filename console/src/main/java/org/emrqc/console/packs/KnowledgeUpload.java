package org.emrqc.console.packs;

import java.util.List;
import org.emrqc.console.api.ProblemException;
import org.emrqc.rules.admin.InvalidEditException;
import org.emrqc.rules.admin.KnowledgeTables;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.admin.Problem;
import org.emrqc.rules.pack.RulePack;

/**
 * Replaces a knowledge table of a pack archive with an uploaded CSV or XLSX (first sheet) through
 * {@link KnowledgeTables}: the header must name the table's columns, key columns must be filled and numeric columns
 * hold numbers, and the pack must still load. Refusals are 400 with every problem (row and column) listed.
 */
final class KnowledgeUpload {
    record Result(PackArchive archive, String file, int rowsBefore, int rows, List<String> columns) { }

    private KnowledgeUpload() { }

    static Result replace(PackArchive archive, RulePack pack, String table, byte[] body, boolean xlsx) {
        if (!pack.knowledge().containsKey(table)) {
            throw ProblemException.notFound("no knowledge table '" + table + "' in " + pack.label() + " (tables: " + String.join(", ", pack.knowledge().keySet()) + ")");
        }
        String name = table + (xlsx ? ".xlsx" : ".csv");
        try {
            KnowledgeTables.Table upload = xlsx ? KnowledgeTables.fromXlsx(body, name) : KnowledgeTables.fromCsv(body, name);
            KnowledgeTables.Replaced r = KnowledgeTables.replace(archive, table, upload, name);
            return new Result(r.archive(), r.file(), r.rowsBefore(), r.rowsAfter(), upload.header());
        } catch (KnowledgeTables.KnowledgeTableException e) {
            List<Problem> problems = e.problems();
            String detail = name + ": " + String.join("; ", problems.stream().limit(5)
                    .map(p -> (p.line() == null ? "" : "row " + p.line() + ", ") + p.message()).toList())
                    + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : "");
            throw ProblemException.badRequest(detail).with("problems", problems);
        } catch (InvalidEditException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
