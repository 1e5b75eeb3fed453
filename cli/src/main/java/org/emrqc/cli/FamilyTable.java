package org.emrqc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrqc.rules.pack.DocumentFamily;
import org.emrqc.rules.pack.RuleDefinition;

/**
 * Which document family a rule checks. A family the rule names ({@code family:}) wins; otherwise it is derived from
 * {@code document-families.csv} (a resource next to this class), in this order:
 * <ol>
 * <li>the document kinds the rule checks: parameters {@link #DOCUMENT_PARAMS}, all values together, the family most
 *     of them belong to (a tie goes to the family of the kind listed first);</li>
 * <li>the events the rule starts from ({@code eventKinds}), the same way;</li>
 * <li>the rule's template;</li>
 * <li>keywords in the rule id after its class prefix (PROC, DX, MED …), when they all point to one family;</li>
 * <li>otherwise {@link DocumentFamily#GENERAL}.</li>
 * </ol>
 * Parameters that name documents only as context are not read: {@code feedKinds} (whether the feed carries a kind at
 * all), {@code waivedBy}, {@code dischargeKinds}, {@code operationKinds}.
 */
final class FamilyTable {
    static final List<String> DOCUMENT_PARAMS = List.of("kinds", "kind", "document", "documents", "required", "consentKinds",
            "fromKinds", "toKinds", "operativeKinds", "postopKinds");
    static final List<String> EVENT_PARAMS = List.of("eventKinds");

    /** How a rule's family was found. */
    enum Basis { EXPLICIT, DOCUMENTS, EVENTS, TEMPLATE, ID, DEFAULT }

    /** A rule's family and how it was found. */
    record Assignment(DocumentFamily family, Basis basis) { }

    private final Map<String, DocumentFamily> kinds = new HashMap<>();
    private final Map<String, DocumentFamily> events = new HashMap<>();
    private final Map<String, DocumentFamily> templates = new HashMap<>();
    private final Map<String, DocumentFamily> idWords = new HashMap<>();

    private FamilyTable() { }

    /** The table shipped with the CLI. */
    static FamilyTable bundled() {
        try (InputStream in = FamilyTable.class.getResourceAsStream("document-families.csv")) {
            if (in == null) throw new IllegalStateException("document-families.csv is missing from the classpath");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "document-families.csv");
        } catch (IOException e) {
            throw new IllegalStateException("document-families.csv: " + e.getMessage(), e);
        }
    }

    /** Rows {@code source,name,family,note}; source is kind, event, template or id; family a {@link DocumentFamily} code. */
    static FamilyTable parse(String csv, String file) {
        FamilyTable t = new FamilyTable();
        String[] lines = csv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] cells = lines[i].split(",", 4);
            String where = file + ": line " + (i + 1);
            if (cells.length < 3) throw new IllegalStateException(where + ": needs source,name,family");
            DocumentFamily f;
            try {
                f = DocumentFamily.of(cells[2].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage());
            }
            Map<String, DocumentFamily> target = switch (cells[0].trim()) {
                case "kind" -> t.kinds;
                case "event" -> t.events;
                case "template" -> t.templates;
                case "id" -> t.idWords;
                default -> throw new IllegalStateException(where + ": source must be kind, event, template or id, not '" + cells[0] + "'");
            };
            if (target.put(cells[1].trim(), f) != null) throw new IllegalStateException(where + ": " + cells[0] + " '" + cells[1] + "' is listed twice");
        }
        return t;
    }

    Assignment familyOf(RuleDefinition rule) {
        if (rule.family() != null) return new Assignment(rule.family(), Basis.EXPLICIT);
        DocumentFamily f = byMajority(values(rule.params(), DOCUMENT_PARAMS), kinds);
        if (f != null) return new Assignment(f, Basis.DOCUMENTS);
        f = byMajority(values(rule.params(), EVENT_PARAMS), events);
        if (f != null) return new Assignment(f, Basis.EVENTS);
        f = templates.get(rule.template());
        if (f != null) return new Assignment(f, Basis.TEMPLATE);
        f = byIdWords(rule.id());
        if (f != null) return new Assignment(f, Basis.ID);
        return new Assignment(DocumentFamily.GENERAL, Basis.DEFAULT);
    }

    /** The values of the named parameters, in the order the rule lists its parameters. */
    private static List<String> values(Map<String, Object> params, List<String> names) {
        List<String> out = new ArrayList<>();
        params.forEach((k, v) -> {
            if (!names.contains(k)) return;
            if (v instanceof Iterable<?> list) list.forEach(x -> out.add(String.valueOf(x)));
            else if (v != null) out.add(String.valueOf(v));
        });
        return out;
    }

    private static DocumentFamily byMajority(List<String> names, Map<String, DocumentFamily> table) {
        Map<DocumentFamily, Integer> votes = new LinkedHashMap<>();
        for (String n : names) {
            DocumentFamily f = table.get(n);
            if (f != null) votes.merge(f, 1, Integer::sum);
        }
        DocumentFamily best = null;
        for (var e : votes.entrySet()) if (best == null || e.getValue() > votes.get(best)) best = e.getKey();
        return best;
    }

    private DocumentFamily byIdWords(String id) {
        String[] words = id.split("-");
        Set<DocumentFamily> found = new LinkedHashSet<>();
        for (int i = 1; i < words.length; i++) {
            DocumentFamily f = idWords.get(words[i]);
            if (f != null) found.add(f);
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }
}
