package org.emrqc.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The defects planted in a development corpus and listed by its author ({@code defects.yaml}: per record file, its
 * defects by kind with the document that is wrong, a quote, and the other side of a conflict). A finding is a true
 * defect when a listed defect of its record is of a kind its rule checks ({@link DefectKinds}) and the finding points
 * at the defect's document (or the other side's, or quotes it); any other finding on a corpus record is a false alarm,
 * since the corpus lists every defect a QC reviewer would raise.
 */
public final class GoldDefects {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One listed defect. */
    public record Defect(String record, String kind, String document, String quote, String otherDocument, String otherQuote, String note) { }

    private final Map<String, List<Defect>> byRecord = new LinkedHashMap<>();

    public Map<String, List<Defect>> byRecord() { return byRecord; }

    public static GoldDefects read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable as YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.path("records").isArray()) throw new IllegalArgumentException(file + ": expected a 'records' list");
        GoldDefects g = new GoldDefects();
        int i = 0;
        for (JsonNode r : root.path("records")) {
            i++;
            String f = r.path("file").asText(null);
            if (f == null) throw new IllegalArgumentException(file + ": record " + i + " has no 'file'");
            String record = FindingsRun.recordName(f);
            List<Defect> defects = new ArrayList<>();
            for (JsonNode d : r.path("defects")) {
                String kind = d.path("kind").asText(null);
                if (kind == null) throw new IllegalArgumentException(file + ": " + f + ": a defect has no 'kind'");
                defects.add(new Defect(record, kind, d.path("document").asText(null), d.path("quote").asText(""),
                        d.path("other").path("document").asText(null), d.path("other").path("quote").asText(""), d.path("note").asText("")));
            }
            g.byRecord.put(record, defects);
        }
        return g;
    }

    /** Whether a finding is about a listed defect (kind checked by its rule; pointing at or quoting the defect). */
    public static boolean about(RunFinding f, Defect d, DefectKinds kinds) {
        if (!kinds.rules(d.kind()).contains(f.ruleId())) return false;
        if (f.pointsAt(d.document()) || f.pointsAt(d.otherDocument())) return true;
        return f.quotes(d.quote()) || f.quotes(d.otherQuote());
    }

    /** Verdicts for the run's findings on the corpus's records (findings on other records are left unjudged). */
    public List<Verdict> verdicts(FindingsRun run, DefectKinds kinds) {
        List<Verdict> out = new ArrayList<>();
        for (RunFinding f : run.findings()) {
            List<Defect> defects = byRecord.get(f.record());
            if (defects == null) continue;
            Defect hit = null;
            for (Defect d : defects) if (about(f, d, kinds)) {
                hit = d;
                break;
            }
            out.add(new Verdict(f.id(), f.record(), f.ruleId(), f.quotes().isEmpty() ? "" : f.quotes().get(0), hit != null,
                    hit != null ? "gold: " + hit.kind() : "no listed defect of a kind this rule checks", "gold"));
        }
        return out;
    }
}
