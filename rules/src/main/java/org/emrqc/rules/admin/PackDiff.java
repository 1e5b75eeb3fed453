package org.emrqc.rules.admin;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.emrqc.rules.pack.DepartmentScope;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RulePack;

/**
 * What changed from one pack version to the next: the files (added, removed, changed, with a bounded unified
 * diff of text files) and, per region, the effective rules (rule enabled/disabled, each setting's old and new
 * value with the region it comes from). Stored with each published version; JSON-friendly.
 *
 * <p>A region that exists in only one of the two packs is compared with what the other pack gives it through
 * its parent (a new hospital region against its province): so the diff shows what the region actually changes.
 */
public record PackDiff(String before, String after, List<FileChange> files, List<RegionChanges> regions, List<String> notes) {
    /** Lines of diff text kept per file. */
    public static final int MAX_DIFF_LINES = 400;
    private static final long MAX_LCS_CELLS = 4_000_000L;

    /** One file: change is "added", "removed" or "changed"; {@code diff} is a unified diff for text files (null for binary). */
    public record FileChange(String path, String change, boolean text, int linesAdded, int linesRemoved, String diff, boolean truncated) { }

    /** A region's changes: status "added", "removed" or "changed" (of the region's own overlay in the pack). */
    public record RegionChanges(String region, String status, List<RuleChange> rules, List<SettingChange> regionSettings, List<TableChange> knowledge) { }

    /** One rule in one region: change "enabled", "disabled", "changed", "added" (new in the pack), "removed". */
    public record RuleChange(String rule, String change, List<SettingChange> settings) { }

    /** A setting ("enabled", "params.limitHours", "severity", "points", "veto", "stages", "departments", "language", "scoring"). */
    public record SettingChange(String setting, Object before, Object after, String originBefore, String originAfter) { }

    /** Rows of a knowledge table as the region sees it. */
    public record TableChange(String table, int rowsBefore, int rowsAfter) { }

    public boolean isEmpty() { return files.isEmpty(); }

    public static PackDiff between(PackArchive before, PackArchive after) {
        List<FileChange> files = files(before, after);
        List<String> notes = new ArrayList<>();
        RulePack a = load(before, "before", notes);
        RulePack b = load(after, "after", notes);
        List<RegionChanges> regions = a == null || b == null ? List.of() : regions(a, b, notes);
        return new PackDiff(a == null ? null : a.label(), b == null ? null : b.label(), files, regions, List.copyOf(notes));
    }

    private static RulePack load(PackArchive a, String which, List<String> notes) {
        try {
            return PackLoader.load(a.source());
        } catch (PackException e) {
            notes.add("the pack " + which + " does not load, so effective rules are not compared: " + e.getMessage());
            return null;
        }
    }

    // ---- files ----

    private static List<FileChange> files(PackArchive before, PackArchive after) {
        Set<String> paths = new TreeSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        List<FileChange> out = new ArrayList<>();
        for (String p : paths) {
            byte[] x = before.files().get(p);
            byte[] y = after.files().get(p);
            if (x != null && y != null && java.util.Arrays.equals(x, y)) continue;
            String change = x == null ? "added" : y == null ? "removed" : "changed";
            String tx = x == null ? "" : text(x);
            String ty = y == null ? "" : text(y);
            if (tx == null || ty == null) {
                out.add(new FileChange(p, change, false, 0, 0, null, false));
                continue;
            }
            out.add(unified(p, change, lines(tx), lines(ty)));
        }
        return out;
    }

    /** UTF-8 text without NUL, or null for a binary file. */
    static String text(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return s.indexOf('\0') >= 0 ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static List<String> lines(String s) {
        if (s.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (s.endsWith("\n")) out.remove(out.size() - 1);
        return out;
    }

    /** One edit script line: ' ' kept, '-' removed, '+' added; with its line numbers in a and b. */
    private record Op(char kind, String line, int a, int b) { }

    static FileChange unified(String path, String change, List<String> a, List<String> b) {
        List<Op> ops = script(a, b);
        int added = 0;
        int removed = 0;
        for (Op o : ops) {
            if (o.kind() == '+') added++;
            if (o.kind() == '-') removed++;
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(change.equals("added") ? "/dev/null" : "a/" + path).append('\n');
        out.append("+++ ").append(change.equals("removed") ? "/dev/null" : "b/" + path).append('\n');
        int lines = 2;
        boolean truncated = false;
        int context = 3;
        int i = 0;
        while (i < ops.size() && !truncated) {
            while (i < ops.size() && ops.get(i).kind() == ' ') i++;
            if (i >= ops.size()) break;
            int start = Math.max(0, i - context);
            int end = i;
            // extend the hunk while changes are at most 2 × context apart
            int last = i;
            for (int j = i; j < ops.size(); j++) {
                if (ops.get(j).kind() != ' ') last = j;
                else if (j - last > 2 * context) break;
            }
            end = Math.min(ops.size(), last + context + 1);
            int aStart = 0;
            int bStart = 0;
            int aLen = 0;
            int bLen = 0;
            for (int j = start; j < end; j++) {
                Op o = ops.get(j);
                if (o.kind() != '+') {
                    if (aLen == 0) aStart = o.a();
                    aLen++;
                }
                if (o.kind() != '-') {
                    if (bLen == 0) bStart = o.b();
                    bLen++;
                }
            }
            if (aLen == 0) aStart = Math.max(0, ops.get(start).a() - 1);
            if (bLen == 0) bStart = Math.max(0, ops.get(start).b() - 1);
            out.append("@@ -").append(aStart).append(',').append(aLen).append(" +").append(bStart).append(',').append(bLen).append(" @@\n");
            lines++;
            for (int j = start; j < end; j++) {
                if (lines >= MAX_DIFF_LINES) {
                    truncated = true;
                    break;
                }
                out.append(ops.get(j).kind()).append(ops.get(j).line()).append('\n');
                lines++;
            }
            i = end;
        }
        if (truncated) out.append("… (diff cut at ").append(MAX_DIFF_LINES).append(" lines)\n");
        return new FileChange(path, change, true, added, removed, out.toString(), truncated);
    }

    /**
     * The edit script: common head and tail kept; the middle by longest common subsequence when small enough,
     * else as removed-then-added (correct, if not minimal).
     */
    private static List<Op> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) head++;
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) tail++;
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < head; i++) ops.add(new Op(' ', a.get(i), i + 1, i + 1));
        int n = a.size() - head - tail;
        int m = b.size() - head - tail;
        if ((long) n * m <= MAX_LCS_CELLS) {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a.get(head + i).equals(b.get(head + j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a.get(head + i).equals(b.get(head + j))) {
                    ops.add(new Op(' ', a.get(head + i), head + i + 1, head + j + 1));
                    i++;
                    j++;
                } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    ops.add(new Op('-', a.get(head + i), head + i + 1, head + j));
                    i++;
                } else {
                    ops.add(new Op('+', b.get(head + j), head + i, head + j + 1));
                    j++;
                }
            }
        } else {
            for (int i = 0; i < n; i++) ops.add(new Op('-', a.get(head + i), head + i + 1, head));
            for (int j = 0; j < m; j++) ops.add(new Op('+', b.get(head + j), head + n, head + j + 1));
        }
        for (int k = 0; k < tail; k++) ops.add(new Op(' ', a.get(a.size() - tail + k), a.size() - tail + k + 1, b.size() - tail + k + 1));
        return ops;
    }

    // ---- effective rules ----

    private static List<RegionChanges> regions(RulePack a, RulePack b, List<String> notes) {
        Set<String> codes = new LinkedHashSet<>(a.regions().keySet());
        codes.addAll(b.regions().keySet());
        List<RegionChanges> out = new ArrayList<>();
        for (String code : codes) {
            String status = !a.regions().containsKey(code) ? "added" : !b.regions().containsKey(code) ? "removed" : "changed";
            EffectiveRuleSet x;
            EffectiveRuleSet y;
            try {
                x = EffectiveRuleSet.of(a, code);
                y = EffectiveRuleSet.of(b, code);
            } catch (PackException e) {
                notes.add("region " + code + ": " + e.getMessage());
                continue;
            }
            List<RuleChange> rules = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>(x.rules().keySet());
            ids.addAll(y.rules().keySet());
            for (String id : ids) {
                EffectiveRule r = x.rules().get(id);
                EffectiveRule s = y.rules().get(id);
                if (r == null) rules.add(new RuleChange(id, "added", List.of(new SettingChange("enabled", null, s.enabled(), null, s.origins().get("enabled")))));
                else if (s == null) rules.add(new RuleChange(id, "removed", List.of(new SettingChange("enabled", r.enabled(), null, r.origins().get("enabled"), null))));
                else {
                    List<SettingChange> settings = settings(r, s);
                    if (settings.isEmpty()) continue;
                    String change = r.enabled() != s.enabled() ? (s.enabled() ? "enabled" : "disabled") : "changed";
                    rules.add(new RuleChange(id, change, settings));
                }
            }
            List<SettingChange> own = new ArrayList<>();
            if (!Objects.equals(x.language(), y.language())) own.add(new SettingChange("language", x.language(), y.language(), null, null));
            if (!Objects.equals(x.scoring(), y.scoring())) own.add(new SettingChange("scoring", x.scoring(), y.scoring(), null, null));
            List<TableChange> tables = new ArrayList<>();
            Set<String> names = new TreeSet<>(x.knowledge().tables().keySet());
            names.addAll(y.knowledge().tables().keySet());
            for (String t : names) {
                var tx = x.knowledge().tables().get(t);
                var ty = y.knowledge().tables().get(t);
                int rx = tx == null ? 0 : tx.size();
                int ry = ty == null ? 0 : ty.size();
                boolean same = tx != null && ty != null && rx == ry && rows(tx).equals(rows(ty));
                if (!same) tables.add(new TableChange(t, rx, ry));
            }
            if (!rules.isEmpty() || !own.isEmpty() || !tables.isEmpty() || !"changed".equals(status)) {
                out.add(new RegionChanges(code, status, rules, own, tables));
            }
        }
        return out;
    }

    private static List<Map<String, String>> rows(org.emrqc.rules.pack.KnowledgeTable t) {
        return t.rows().stream().map(org.emrqc.rules.pack.Row::values).toList();
    }

    private static List<SettingChange> settings(EffectiveRule r, EffectiveRule s) {
        Map<String, Object[]> pairs = new LinkedHashMap<>();
        pairs.put("enabled", new Object[] {r.enabled(), s.enabled()});
        Set<String> params = new LinkedHashSet<>(r.params().keySet());
        params.addAll(s.params().keySet());
        for (String p : params) pairs.put("params." + p, new Object[] {r.params().get(p), s.params().get(p)});
        pairs.put("severity", new Object[] {r.severity().code(), s.severity().code()});
        pairs.put("points", new Object[] {r.points(), s.points()});
        pairs.put("veto", new Object[] {r.veto(), s.veto()});
        pairs.put("stages", new Object[] {r.stages(), s.stages()});
        pairs.put("departments", new Object[] {scope(r.departments()), scope(s.departments())});
        List<SettingChange> out = new ArrayList<>();
        pairs.forEach((k, v) -> {
            String ox = r.origins().get(k);
            String oy = s.origins().get(k);
            if (!same(v[0], v[1]) || !Objects.equals(ox, oy)) out.add(new SettingChange(k, v[0], v[1], ox, oy));
        });
        return out;
    }

    private static Map<String, List<String>> scope(DepartmentScope d) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("include", d.include());
        m.put("exclude", d.exclude());
        return m;
    }

    /** Equal, with numbers compared by value (24 and 24.0 are the same). */
    static boolean same(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        return Objects.equals(x, y);
    }
}
