package org.emrqc.rules.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A knowledge table (code list, ranges, limits) indexed by its key columns, so a rule template looks rows up by
 * key in constant time instead of one rule per row. Rows whose {@code match} column is {@code prefix} match
 * every code that starts with their last key column (ICD-10 categories and chapters).
 */
public final class KnowledgeTable {
    private final String name;
    private final List<String> key;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<Row>> exact = new HashMap<>();
    private final Map<String, List<Row>> prefix = new HashMap<>();
    private int maxPrefix;

    public KnowledgeTable(String name, List<String> key) {
        this.name = name;
        this.key = List.copyOf(key);
    }

    public String name() { return name; }
    public List<String> key() { return key; }
    public List<Row> rows() { return Collections.unmodifiableList(rows); }
    public int size() { return rows.size(); }

    public void add(Row row) {
        boolean isPrefix = "prefix".equals(row.str("match"));
        StringBuilder k = new StringBuilder();
        String last = "";
        for (int i = 0; i < key.size(); i++) {
            String v = row.str(key.get(i));
            if (i > 0) k.append('\u0001');
            String n = v == null ? "" : normalize(v);
            // lookup() compares prefixes without dots ("C79.6" is matched as "C796"), so prefix keys drop them too
            if (isPrefix && i == key.size() - 1) n = n.replace(".", "");
            if (i == key.size() - 1) last = n;
            k.append(n);
        }
        rows.add(row);
        if (isPrefix) {
            prefix.computeIfAbsent(k.toString(), x -> new ArrayList<>(1)).add(row);
            maxPrefix = Math.max(maxPrefix, last.length());
        } else {
            exact.computeIfAbsent(k.toString(), x -> new ArrayList<>(1)).add(row);
        }
    }

    /** A copy with the same rows, to which an overlay can add its own. */
    public KnowledgeTable copy() {
        KnowledgeTable t = new KnowledgeTable(name, key);
        rows.forEach(t::add);
        return t;
    }

    /** Upper case without allocating for the usual codes that have no lower-case letters. */
    private static String normalize(String v) {
        String t = v.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLowerCase(c)) return t.toUpperCase(java.util.Locale.ROOT);
        }
        return t;
    }

    /** Rows whose key equals the given values (case-insensitive), plus prefix rows matching the last value. */
    public List<Row> lookup(String... values) {
        if (values.length != key.size()) {
            throw new IllegalArgumentException("table " + name + " is keyed by " + key + " but was looked up with " + values.length + " values");
        }
        String k;
        if (values.length == 1) {
            if (values[0] == null) return List.of();
            k = normalize(values[0]);
        } else {
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) return List.of();
                if (i > 0) sb.append('\u0001');
                sb.append(normalize(values[i]));
            }
            k = sb.toString();
        }
        List<Row> hit = exact.get(k);
        if (prefix.isEmpty()) return hit == null ? List.of() : hit;
        List<Row> out = hit == null ? new ArrayList<>() : new ArrayList<>(hit);
        String full = k;
        int lastStart = full.lastIndexOf('\u0001') + 1;
        String head = full.substring(0, lastStart);
        String last = full.substring(lastStart).replace(".", "");
        for (int len = Math.min(last.length(), maxPrefix); len >= 1; len--) {
            List<Row> p = prefix.get(head + last.substring(0, len));
            if (p != null) out.addAll(p);
        }
        return out;
    }
}
