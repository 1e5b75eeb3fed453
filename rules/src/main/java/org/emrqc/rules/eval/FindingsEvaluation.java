package org.emrqc.rules.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.emrqc.model.Proportion;

/**
 * A run's findings judged by verdicts: per rule, how often it fires (findings per record) and its precision
 * (confirmed / judged, with a 95 % Wilson interval — the figure the console computes from reviewers' verdicts); with
 * a corpus's listed defects also the recall of each defect kind; and the records that could not be checked.
 */
public final class FindingsEvaluation {

    /** One rule's line. */
    public record RuleLine(String rule, int findings, int records, int confirmed, int dismissed, int unjudged) {
        public Proportion precision() { return new Proportion(confirmed, confirmed + dismissed); }
    }

    /** One defect kind's recall: listed defects of that kind, and how many a finding of a rule checking it found. */
    public record KindLine(String kind, int listed, int found) {
        public Proportion recall() { return new Proportion(found, listed); }
    }

    public record Report(int records, List<RuleLine> rules, List<KindLine> kinds, List<String> notEvaluated, List<String> unmatchedVerdicts,
                         int confirmed, int dismissed, int unjudged) {
        public Proportion precision() { return new Proportion(confirmed, confirmed + dismissed); }

        /** The report as a text table (last line: JSON). */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%d records, %d findings (%.2f per record); %d judged, %d unjudged%n",
                    records, confirmed + dismissed + unjudged, (confirmed + dismissed + unjudged) / (double) Math.max(1, records), confirmed + dismissed, unjudged));
            sb.append(String.format(Locale.ROOT, "%-24s %8s %8s %9s %6s %6s %6s  %s%n", "rule", "findings", "records", "per rec.", "true", "false", "unjud.", "precision [95% CI]"));
            for (RuleLine r : rules) {
                sb.append(String.format(Locale.ROOT, "%-24s %8d %8d %9.2f %6d %6d %6d  %s%n", r.rule(), r.findings(), r.records(),
                        r.findings() / (double) Math.max(1, records), r.confirmed(), r.dismissed(), r.unjudged(), r.precision().describe()));
            }
            sb.append(String.format(Locale.ROOT, "%-24s %8d %8s %9.2f %6d %6d %6d  %s%n", "all", confirmed + dismissed + unjudged, "",
                    (confirmed + dismissed + unjudged) / (double) Math.max(1, records), confirmed, dismissed, unjudged, precision().describe()));
            if (!kinds.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%n%-28s %6s %6s  %s%n", "defect kind", "listed", "found", "recall [95% CI]"));
                int listed = 0;
                int found = 0;
                for (KindLine k : kinds) {
                    sb.append(String.format(Locale.ROOT, "%-28s %6d %6d  %s%n", k.kind(), k.listed(), k.found(), k.recall().describe()));
                    listed += k.listed();
                    found += k.found();
                }
                sb.append(String.format(Locale.ROOT, "%-28s %6d %6d  %s%n", "all", listed, found, new Proportion(found, listed).describe()));
            }
            sb.append(String.format(Locale.ROOT, "%nRecords with rules not evaluated: %d%s%n", notEvaluated.size(), notEvaluated.isEmpty() ? "" : " " + notEvaluated));
            if (!unmatchedVerdicts.isEmpty()) sb.append("Verdicts that match no finding: ").append(unmatchedVerdicts.size()).append(' ').append(unmatchedVerdicts.subList(0, Math.min(10, unmatchedVerdicts.size()))).append('\n');
            sb.append(json()).append('\n');
            return sb.toString();
        }

        public String json() {
            StringBuilder sb = new StringBuilder("{\"records\": ").append(records).append(", \"findings\": ").append(confirmed + dismissed + unjudged)
                    .append(", \"precision\": ").append(num(precision().value())).append(", \"precision_low\": ").append(num(precision().low()))
                    .append(", \"precision_high\": ").append(num(precision().high())).append(", \"not_evaluated\": ").append(notEvaluated.size())
                    .append(", \"rules\": {");
            for (int i = 0; i < rules.size(); i++) {
                RuleLine r = rules.get(i);
                sb.append(i == 0 ? "" : ", ").append('"').append(r.rule()).append("\": {\"findings\": ").append(r.findings())
                        .append(", \"true\": ").append(r.confirmed()).append(", \"false\": ").append(r.dismissed())
                        .append(", \"precision\": ").append(num(r.precision().value())).append('}');
            }
            sb.append('}');
            if (!kinds.isEmpty()) {
                sb.append(", \"recall\": {");
                for (int i = 0; i < kinds.size(); i++) {
                    KindLine k = kinds.get(i);
                    sb.append(i == 0 ? "" : ", ").append('"').append(k.kind()).append("\": ").append(num(k.recall().value()));
                }
                sb.append('}');
            }
            return sb.append('}').toString();
        }

        private static String num(double v) { return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v); }
    }

    private FindingsEvaluation() { }

    /** Judges a run by verdicts; with gold defects (may be null) also the recall per defect kind. */
    public static Report evaluate(FindingsRun run, List<Verdict> verdicts, GoldDefects gold, DefectKinds kinds) {
        Map<String, int[]> byRule = new TreeMap<>();          // findings, confirmed, dismissed, unjudged
        Map<String, Set<String>> recordsByRule = new TreeMap<>();
        Set<Verdict> used = new LinkedHashSet<>();
        int confirmed = 0;
        int dismissed = 0;
        int unjudged = 0;
        for (RunFinding f : run.findings()) {
            int[] c = byRule.computeIfAbsent(f.ruleId(), k -> new int[4]);
            recordsByRule.computeIfAbsent(f.ruleId(), k -> new LinkedHashSet<>()).add(f.record());
            c[0]++;
            Verdict v = null;
            for (Verdict x : verdicts) if (x.matches(f)) {
                v = x;
                break;
            }
            if (v == null) {
                c[3]++;
                unjudged++;
            } else {
                used.add(v);
                if (v.confirmed()) {
                    c[1]++;
                    confirmed++;
                } else {
                    c[2]++;
                    dismissed++;
                }
            }
        }
        List<RuleLine> rules = new ArrayList<>();
        byRule.forEach((rule, c) -> rules.add(new RuleLine(rule, c[0], recordsByRule.get(rule).size(), c[1], c[2], c[3])));
        List<KindLine> kindLines = new ArrayList<>();
        if (gold != null) {
            Map<String, int[]> byKind = new TreeMap<>();
            gold.byRecord().forEach((record, defects) -> {
                for (GoldDefects.Defect d : defects) {
                    int[] c = byKind.computeIfAbsent(d.kind(), k -> new int[2]);
                    c[0]++;
                    for (RunFinding f : run.findings()) {
                        if (f.record().equals(record) && GoldDefects.about(f, d, kinds)) {
                            c[1]++;
                            break;
                        }
                    }
                }
            });
            byKind.forEach((k, c) -> kindLines.add(new KindLine(k, c[0], c[1])));
        }
        List<String> unmatched = new ArrayList<>();
        for (Verdict v : verdicts) if (!used.contains(v) && !"gold".equals(v.where())) unmatched.add(v.where());
        Map<String, Boolean> seen = new LinkedHashMap<>();
        run.notEvaluated().forEach(n -> seen.put(n.substring(0, n.indexOf(':')), true));
        List<String> notEvaluated = new ArrayList<>(seen.keySet());
        if (gold != null) for (String r : gold.byRecord().keySet()) if (!run.records().contains(r)) notEvaluated.add(r + " (no output)");
        return new Report(run.records().size(), rules, kindLines, notEvaluated, unmatched, confirmed, dismissed, unjudged);
    }
}
