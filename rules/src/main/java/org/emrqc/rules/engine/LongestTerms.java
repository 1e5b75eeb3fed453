package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;

/**
 * The rows of a knowledge table written as terms (one system: "text", "title"), longest term first, so that the
 * longest term a text contains wins (输血前检查 over 输血, 副主任医师 over 主任医师). Built once per pack's knowledge
 * and table, for every classifier that matches names by containment.
 */
final class LongestTerms {
    private static final Map<Knowledge, Map<String, List<Row>>> CACHE = new WeakHashMap<>();

    private LongestTerms() { }

    /** The rows of {@code table} whose system is {@code system} and that have a term and a {@code value}, longest term first. */
    static List<Row> of(Knowledge kb, String table, String system, String value) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(kb, k -> new HashMap<>()).computeIfAbsent(table + "|" + system + "|" + value, key -> {
                List<Row> rows = new ArrayList<>();
                for (Row r : kb.tables().get(table).rows()) {
                    if (system.equals(r.str("system")) && r.str("code") != null && r.has(value)) rows.add(r);
                }
                rows.sort(Comparator.comparingInt((Row r) -> -r.str("code").length()));
                return List.copyOf(rows);
            });
        }
    }
}
