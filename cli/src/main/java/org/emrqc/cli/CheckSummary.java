package org.emrqc.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.emrqc.model.DefectClass;
import org.emrqc.model.Finding;
import org.emrqc.model.RecordResult;
import org.emrqc.model.Severity;
import org.emrqc.rules.check.FileOutcome;

/** Counts what a check run found, and prints the summary a user reads at the end. */
final class CheckSummary {
    private final Map<DefectClass, Integer> byClass = new TreeMap<>();
    private final Map<Severity, Integer> bySeverity = new TreeMap<>();
    private final Map<String, Integer> grades = new TreeMap<>();
    private final Map<String, Integer> byRule = new TreeMap<>();
    int files;
    int failedFiles;
    int records;
    long resources;
    long parseNanos;
    long ruleNanos;
    long structureNanos;
    int findings;
    final java.util.Map<String, Integer> notEvaluated = new java.util.TreeMap<>();
    /** Per national indicator (by number): its name, records in the denominator and in the numerator. */
    private final Map<Integer, Object[]> indicators = new TreeMap<>();
    /** One CSV row per record and indicator: the per-record boolean with why. */
    private final java.util.List<String> indicatorRows = new java.util.ArrayList<>();

    synchronized void add(FileOutcome o) {
        files++;
        if (o.failed()) failedFiles++;
        resources += o.resources();
        parseNanos += o.parseNanos();
        ruleNanos += o.ruleNanos();
        structureNanos += o.structureNanos();
        for (RecordResult r : o.results()) {
            records++;
            for (org.emrqc.model.IndicatorResult i : r.indicators()) {
                Object[] c = indicators.computeIfAbsent(i.number(), k -> new Object[] {i.name().in("zh"), 0, 0, i.occurrence()});
                c[1] = (Integer) c[1] + 1;
                if (i.inNumerator()) c[2] = (Integer) c[2] + 1;
                indicatorRows.add(csv(r.source()) + "," + csv(r.patientRef()) + "," + csv(i.code()) + "," + i.number() + "," + csv(i.name().in("zh")) + ","
                        + i.inNumerator() + "," + csv(i.why().in("zh")) + "," + csv(String.join(" ", i.refs())) + "," + csv(String.join(" ", i.deciding())));
            }
            grades.merge(r.grade() == null ? "-" : r.grade(), 1, Integer::sum);
            for (org.emrqc.model.RuleNotice n : r.notEvaluated()) notEvaluated.merge(n.ruleId(), 1, Integer::sum);
            for (Finding f : r.findings()) {
                findings++;
                byClass.merge(f.defectClass(), 1, Integer::sum);
                bySeverity.merge(f.severity(), 1, Integer::sum);
                byRule.merge(f.ruleId(), 1, Integer::sum);
            }
        }
    }

    private static String csv(String v) {
        if (v == null) return "";
        String t = v.replace("\"", "\"\"");
        // a cell a spreadsheet would read as a formula is written as text
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) t = "'" + t;
        return "\"" + t + "\"";
    }

    /** Writes the per-record indicator rows (with a header) to the file; nothing when no record is in a denominator. */
    synchronized boolean writeIndicators(java.nio.file.Path file) throws java.io.IOException {
        if (indicatorRows.isEmpty()) return false;
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("source,patient,indicator,number,name,in_numerator,why,refs,deciding_rules");
        lines.addAll(indicatorRows.stream().sorted().toList());
        java.nio.file.Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
        return true;
    }

    synchronized void missing() {
        files++;
        failedFiles++;
    }

    void print(PrintStream out, double seconds, String outDir, int written) {
        out.printf(Locale.ROOT, "Checked %d files (%d records, %,d resources) in %.1f s: %.1f records/s; parse %.1f s, narrative %.1f s, rules %.1f s (thread time)%n",
                files, records, resources, seconds, records / Math.max(seconds, 1e-9), parseNanos / 1e9, structureNanos / 1e9, ruleNanos / 1e9);
        out.printf("Findings: %d%n", findings);
        StringBuilder c = new StringBuilder();
        for (DefectClass d : DefectClass.values()) c.append(c.length() == 0 ? "" : ", ").append(d.code()).append(' ').append(byClass.getOrDefault(d, 0));
        out.println("  by class:    " + c);
        StringBuilder s = new StringBuilder();
        for (Severity v : Severity.values()) s.append(s.length() == 0 ? "" : ", ").append(v.code()).append(' ').append(bySeverity.getOrDefault(v, 0));
        out.println("  by severity: " + s);
        if (!byRule.isEmpty()) {
            StringBuilder r = new StringBuilder();
            byRule.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                    .forEach(e -> r.append(r.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
            out.println("  top rules:   " + r);
        }
        StringBuilder g = new StringBuilder();
        grades.forEach((k, v) -> g.append(g.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        out.println("Grades: " + (g.length() == 0 ? "none" : g));
        if (!indicators.isEmpty()) {
            out.println("National indicators (病案管理质量控制指标 2021; numerator/denominator):");
            indicators.forEach((n, k) -> out.printf(Locale.ROOT, "  %2d %s %d/%d (%.1f%%)%s%n", n, k[0], (Integer) k[2], (Integer) k[1],
                    100.0 * (Integer) k[2] / (Integer) k[1], (Boolean) k[3] ? " — an occurrence rate: lower is better" : ""));
        }
        if (!notEvaluated.isEmpty()) {
            StringBuilder n = new StringBuilder();
            notEvaluated.forEach((k, v) -> n.append(n.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            out.println("Rules not evaluated (failed on a record and skipped; the record's other rules ran): " + n);
        }
        if (failedFiles > 0) out.println("Inputs with errors: " + failedFiles + " (listed above)");
        out.println("Output: " + outDir + " (" + written + " files)");
    }
}
