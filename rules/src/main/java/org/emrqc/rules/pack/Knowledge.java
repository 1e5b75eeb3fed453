package org.emrqc.rules.pack;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emrqc.model.CodeSystems;

/**
 * The knowledge tables of one compiled rule base (pack tables plus the rows the region's overlays add). Rule
 * templates reach it as the global {@code kb}. Immutable once built; shared by every evaluation thread.
 */
public final class Knowledge {
    private final Map<String, KnowledgeTable> tables;

    public Knowledge(Map<String, KnowledgeTable> tables) { this.tables = Collections.unmodifiableMap(new TreeMap<>(tables)); }

    public Map<String, KnowledgeTable> tables() { return tables; }

    public KnowledgeTable table(String name) {
        KnowledgeTable t = tables.get(name);
        if (t == null) throw new IllegalArgumentException("no knowledge table '" + name + "' in this pack");
        return t;
    }

    /** Rows of a table by key. */
    public List<Row> rows(String table, String... key) { return table(table).lookup(key); }

    /** The first row of a table by key, or null. */
    public Row row(String table, String... key) {
        List<Row> r = table(table).lookup(key);
        return r.isEmpty() ? null : r.get(0);
    }

    public boolean has(String table, String... key) { return !table(table).lookup(key).isEmpty(); }

    private final Map<String, List<Row>> filtered = new java.util.concurrent.ConcurrentHashMap<>();

    /** The rows of a table whose column has the given value (e.g. the text rows of allergy-ingredients), cached. */
    public List<Row> textRows(String table, String column, String value) {
        return filtered.computeIfAbsent(table + "|" + column + "|" + value,
                k -> table(table).rows().stream().filter(r -> value.equals(r.str(column))).toList());
    }

    public int instanceCount() { return tables.values().stream().mapToInt(KnowledgeTable::size).sum(); }

    /** The short name knowledge tables use for a code system URI (snomed, loinc, rxnorm, icd-10), or the URI. */
    public static String systemName(String uri) { return org.emrqc.model.CodeSystems.tableName(uri); }
}
