package org.emrqc.rules.pack;

import java.util.Map;

/** One row of a knowledge table; {@link #origin()} says where it came from (file and line, or overlay). */
public final class Row {
    private final Map<String, String> values;
    private final String origin;

    private final Map<String, Double> numbers;

    public Row(Map<String, String> values, String origin) {
        this.values = Map.copyOf(values);
        this.origin = origin;
        Map<String, Double> n = new java.util.HashMap<>();
        this.values.forEach((k, v) -> {
            Double d = parse(v);
            if (d != null) n.put(k, d);
        });
        this.numbers = Map.copyOf(n);
    }

    private static Double parse(String v) {
        if (v == null || v.isBlank()) return null;
        String t = v.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String str(String column) {
        String v = values.get(column);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The column as a number; NaN when empty or not numeric (comparisons with NaN are false). */
    public double num(String column) {
        Double d = numbers.get(column);
        return d == null ? Double.NaN : d;
    }

    public boolean has(String column) { return str(column) != null; }
    public Map<String, String> values() { return values; }
    public String origin() { return origin; }
    @Override public String toString() { return values + " @" + origin; }
}
