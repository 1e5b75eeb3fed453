package org.emrqc.rules.engine;

import java.util.List;
import org.emrqc.model.Coding;
import org.emrqc.model.DocumentFact;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;

/**
 * Sets each document's kind (admission-record, first-progress-note, operative-note ...) from the pack's
 * {@code document-types} table: by type coding (system, code) first, then by title (system "title"), so that
 * hospitals whose documents carry only local titles such as 入院记录 are classified too.
 */
final class DocumentClassifier {
    static final String TABLE = "document-types";

    private DocumentClassifier() { }

    static void classify(DocumentFact d, Knowledge kb) {
        if (!kb.tables().containsKey(TABLE)) return;
        for (Coding c : d.getCodings()) {
            Row r = kb.row(TABLE, Knowledge.systemName(c.getSystem()), c.getCode());
            if (r != null) {
                d.setKind(r.str("kind"));
                return;
            }
        }
        for (String title : List.of(nz(d.getTitle()), nz(d.getText()))) {
            if (title.isEmpty()) continue;
            Row r = kb.row(TABLE, "title", title.strip());
            if (r != null) {
                d.setKind(r.str("kind"));
                return;
            }
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
