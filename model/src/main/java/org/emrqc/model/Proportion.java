package org.emrqc.model;

/**
 * A proportion such as a rule's precision (confirmed / (confirmed + dismissed)) with its Wilson score interval, the
 * interval that stays inside [0, 1] and behaves for small counts and for 0 % or 100 %. The console's per-rule
 * precision and {@code bin/emrqc eval-findings} compute it the same way.
 */
public record Proportion(long hits, long total) {
    /** z for a two-sided 95 % interval. */
    private static final double Z95 = 1.959963984540054;

    /** hits / total, or NaN without data. */
    public double value() { return total == 0 ? Double.NaN : hits / (double) total; }

    /** Lower bound of the 95 % Wilson interval (NaN without data). */
    public double low() { return wilson(-1); }

    /** Upper bound of the 95 % Wilson interval (NaN without data). */
    public double high() { return wilson(1); }

    private double wilson(int sign) {
        if (total == 0) return Double.NaN;
        double n = total;
        double p = hits / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return Math.max(0, Math.min(1, centre + sign * half));
    }

    /** "0.83 [0.66, 0.93]" (or "–" without data). */
    public String describe() {
        if (total == 0) return "–";
        return String.format(java.util.Locale.ROOT, "%.2f [%.2f, %.2f]", value(), low(), high());
    }
}
