package org.emrqc.rules.pack;

import java.util.Map;

/** One row of a knowledge table; {@link #origin()} says where it came from (file and line, or overlay). */
public final class Row {
    private final Map<String, String> values;
    private final String origin;

    public Row(Map<String, String> values, String origin) {
        this.values = Map.copyOf(values);
        this.origin = origin;
    }

    public String str(String column) {
        String v = values.get(column);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The column as a number; NaN when empty or not numeric (comparisons with NaN are false). */
    public double num(String column) {
        String v = values.get(column);
        if (v == null || v.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public boolean has(String column) { return str(column) != null; }
    public Map<String, String> values() { return values; }
    public String origin() { return origin; }
    @Override public String toString() { return values + " @" + origin; }
}
