package org.emrqc.rules.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emrqc.model.Finding;

/**
 * A candidate pack version run beside the active one on the same records: per rule, the findings the candidate
 * adds and removes (counts and up to {@code maxExamples} examples each) and those that stay. A finding is the
 * same in both runs when record, rule and implicated resources are the same (finding ids differ: they carry the
 * pack version); one that stays but changes severity, points, veto or detail counts as {@code changed}.
 * JSON-friendly.
 */
public record ShadowComparison(int records, int activeFindings, int candidateFindings, int added, int removed, int changed, int unchanged,
                               List<RuleDelta> rules) {
    public static final int DEFAULT_EXAMPLES = 5;

    /** One rule: counts, and examples of findings added, removed and changed by the candidate. */
    public record RuleDelta(String rule, int active, int candidate, int added, int removed, int changed, int unchanged,
                            List<Example> addedExamples, List<Example> removedExamples, List<Example> changedExamples) { }

    /** A finding as an example: the record, the implicated resources, severity and detail (candidate's for added/changed). */
    public record Example(String recordId, List<String> implicated, String severity, String detail) { }

    /** Findings grouped by their record: the encounter, else the patient. */
    public static ShadowComparison compare(List<Finding> active, List<Finding> candidate) {
        return compare(byRecord(active), byRecord(candidate), DEFAULT_EXAMPLES);
    }

    /** Findings per record id (e.g. the console's record keys); a record missing from one side has no findings there. */
    public static ShadowComparison compare(Map<String, List<Finding>> active, Map<String, List<Finding>> candidate, int maxExamples) {
        TreeSet<String> records = new TreeSet<>(active.keySet());
        records.addAll(candidate.keySet());
        Map<String, Counts> perRule = new TreeMap<>();
        int na = 0;
        int nc = 0;
        for (String rec : records) {
            Map<String, List<Finding>> x = byKey(active.getOrDefault(rec, List.of()));
            Map<String, List<Finding>> y = byKey(candidate.getOrDefault(rec, List.of()));
            TreeSet<String> keys = new TreeSet<>(x.keySet());
            keys.addAll(y.keySet());
            for (String k : keys) {
                List<Finding> fx = x.getOrDefault(k, List.of());
                List<Finding> fy = y.getOrDefault(k, List.of());
                String rule = (fx.isEmpty() ? fy : fx).get(0).ruleId();
                Counts c = perRule.computeIfAbsent(rule, r -> new Counts());
                c.active += fx.size();
                c.candidate += fy.size();
                na += fx.size();
                nc += fy.size();
                int both = Math.min(fx.size(), fy.size());
                for (int i = 0; i < both; i++) {
                    if (differs(fx.get(i), fy.get(i))) {
                        c.changed++;
                        if (c.changedEx.size() < maxExamples) c.changedEx.add(example(rec, fy.get(i)));
                    } else {
                        c.unchanged++;
                    }
                }
                for (int i = both; i < fy.size(); i++) {
                    c.added++;
                    if (c.addedEx.size() < maxExamples) c.addedEx.add(example(rec, fy.get(i)));
                }
                for (int i = both; i < fx.size(); i++) {
                    c.removed++;
                    if (c.removedEx.size() < maxExamples) c.removedEx.add(example(rec, fx.get(i)));
                }
            }
        }
        List<RuleDelta> rules = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int changed = 0;
        int unchanged = 0;
        for (var e : perRule.entrySet()) {
            Counts c = e.getValue();
            rules.add(new RuleDelta(e.getKey(), c.active, c.candidate, c.added, c.removed, c.changed, c.unchanged,
                    List.copyOf(c.addedEx), List.copyOf(c.removedEx), List.copyOf(c.changedEx)));
            added += c.added;
            removed += c.removed;
            changed += c.changed;
            unchanged += c.unchanged;
        }
        // the rules whose findings move most first
        rules.sort(Comparator.comparingInt((RuleDelta d) -> -(d.added() + d.removed() + d.changed())).thenComparing(RuleDelta::rule));
        return new ShadowComparison(records.size(), na, nc, added, removed, changed, unchanged, List.copyOf(rules));
    }

    /** Only the rules where the candidate differs. */
    public List<RuleDelta> differences() {
        return rules.stream().filter(d -> d.added() + d.removed() + d.changed() > 0).toList();
    }

    private static final class Counts {
        int active;
        int candidate;
        int added;
        int removed;
        int changed;
        int unchanged;
        final List<Example> addedEx = new ArrayList<>();
        final List<Example> removedEx = new ArrayList<>();
        final List<Example> changedEx = new ArrayList<>();
    }

    static String recordId(Finding f) { return f.encounterRef() != null ? f.encounterRef() : f.patientRef(); }

    private static Map<String, List<Finding>> byRecord(List<Finding> fs) {
        Map<String, List<Finding>> m = new LinkedHashMap<>();
        for (Finding f : fs) m.computeIfAbsent(String.valueOf(recordId(f)), k -> new ArrayList<>()).add(f);
        return m;
    }

    private static Map<String, List<Finding>> byKey(List<Finding> fs) {
        Map<String, List<Finding>> m = new TreeMap<>();
        for (Finding f : fs) {
            List<String> imp = f.implicated() == null ? List.of() : new ArrayList<>(new TreeSet<>(f.implicated()));
            m.computeIfAbsent(f.ruleId() + "|" + imp, k -> new ArrayList<>()).add(f);
        }
        return m;
    }

    private static boolean differs(Finding a, Finding b) {
        return a.severity() != b.severity() || Double.compare(a.points(), b.points()) != 0 || a.veto() != b.veto()
                || !java.util.Objects.equals(a.detailEn(), b.detailEn());
    }

    private static Example example(String record, Finding f) {
        return new Example(record, f.implicated() == null ? List.of() : List.copyOf(f.implicated()),
                f.severity() == null ? null : f.severity().code(), f.detailEn() != null ? f.detailEn() : f.detailZh());
    }
}
