package org.emrqc.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.RegionOverlay;
import org.emrqc.rules.pack.RuleDefinition;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists the rules in effect for a region and where each setting comes from (pack, or the region overlay that set it), runs the pack's rule fixtures, or counts the checks per document family and defect class.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PackOptions pack;

    @Mixin
    StructuringOptions structuring;

    @Option(names = "--all", description = "Also list the rules that are disabled in the region.")
    boolean all;

    @Option(names = "--markdown", description = "Print the rule reference (every rule, every region) as Markdown.")
    boolean markdown;

    @Option(names = "--test", description = "Run the pack's fixtures (records each rule must and must not fire on) and report.")
    boolean test;

    @Option(names = "--coverage", description = "Count the checks per document family and defect class, with the share that has fixtures; "
            + "all rules of the pack, or with --region only those the region enables.")
    boolean coverage;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "Language of --coverage's family names and headings. Default: ${DEFAULT-VALUE}.")
    String lang;

    @Option(names = "--json", description = "With --coverage: print JSON (counts per family and class, and each rule's family).")
    boolean json;

    @Override
    public Integer call() {
        RulePack p = pack.load();
        PrintStream out = System.out;
        if (markdown) {
            RuleReference.print(p, out);
            return 0;
        }
        if (test) return runFixtures(p, out);
        if (coverage) return printCoverage(p, out);
        if (json) throw new UserError("--json goes with --coverage");
        EffectiveRuleSet set = EffectiveRuleSet.of(p, pack.region);
        out.printf("Pack %s, region %s: %s%n", p.label(), pack.region, set.chainLabel());
        if (!set.resolvedRegion().equalsIgnoreCase(pack.region)) {
            out.printf("(%s has no overlay of its own; it uses %s)%n", pack.region, set.resolvedRegion());
        }
        out.printf("%d of %d rules enabled; scoring: start %.0f, grades %s, veto grade %s; language %s%n%n",
                set.enabled().size(), set.rules().size(), set.scoring().start(), grades(set), set.scoring().vetoGrade(), set.language());
        out.println("Settings from an overlay are marked [REGION]; unmarked settings are the pack's defaults.");
        out.println();
        for (EffectiveRule r : set.rules().values()) {
            if (!r.enabled() && !all) continue;
            out.printf("%-26s %-13s %s%n", r.id(), r.definition().defectClass().code(), r.definition().title().in("en") + " / " + r.definition().title().in("zh"));
            List<String> parts = new ArrayList<>();
            parts.add("enabled " + (r.enabled() ? "yes" : "no") + " [" + r.origins().get("enabled") + "]");
            parts.add("severity " + r.severity().code() + mark(r, "severity"));
            parts.add("points " + fmt(r.points()) + mark(r, "points"));
            parts.add("veto " + (r.veto() ? "yes" : "no") + mark(r, "veto"));
            parts.add("stages " + String.join("+", r.stages()) + mark(r, "stages"));
            parts.add("departments " + r.departments() + mark(r, "departments"));
            out.println("    " + String.join("  ", parts));
            if (!r.params().isEmpty()) {
                List<String> ps = new ArrayList<>();
                for (Map.Entry<String, Object> e : r.params().entrySet()) ps.add(e.getKey() + "=" + e.getValue() + mark(r, "params." + e.getKey()));
                out.println("    params: " + String.join("  ", ps));
            }
        }
        List<String> added = new ArrayList<>();
        for (RegionOverlay o : set.chain()) {
            o.knowledge().forEach((t, rows) -> added.add(rows.size() + " rows in " + t + " [" + o.code() + "]"));
        }
        out.println();
        out.println("Knowledge tables: " + set.knowledge().instanceCount() + " rows" + (added.isEmpty() ? "" : "; overlays add " + String.join(", ", added)));
        return 0;
    }

    private static String mark(EffectiveRule r, String setting) {
        String o = r.origins().get(setting);
        return o == null || o.equals("pack") ? "" : " [" + o + "]";
    }

    private static String fmt(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }

    private static String grades(EffectiveRuleSet set) {
        List<String> g = new ArrayList<>();
        set.scoring().grades().forEach(x -> g.add(x.grade() + "≥" + fmt(x.min())));
        return String.join(" ", g);
    }

    private int printCoverage(RulePack p, PrintStream out) {
        if (!"zh".equals(lang) && !"en".equals(lang)) throw new UserError("--lang must be zh or en, not '" + lang + "'");
        boolean byRegion = spec.commandLine().getParseResult().hasMatchedOption("--region");
        List<RuleDefinition> rules;
        String scope;
        if (byRegion) {
            EffectiveRuleSet set = EffectiveRuleSet.of(p, pack.region);
            rules = set.enabled().stream().map(EffectiveRule::definition).toList();
            scope = "zh".equals(lang)
                    ? String.format("规则包 %s，地区 %s（%s）启用的 %d 条规则（共 %d 条）", p.label(), pack.region, set.chainLabel(), rules.size(), p.rules().size())
                    : String.format("pack %s, the %d of %d rules enabled in region %s (%s)", p.label(), rules.size(), p.rules().size(), pack.region, set.chainLabel());
        } else {
            rules = List.copyOf(p.rules().values());
            scope = "zh".equals(lang)
                    ? String.format("规则包 %s，全部 %d 条规则（不分地区）", p.label(), rules.size())
                    : String.format("pack %s, all %d rules (any region)", p.label(), rules.size());
        }
        RuleCoverage c = RuleCoverage.of(rules, new FixtureRunner(p, new RuleBaseCache()).cases(), FamilyTable.bundled());
        CoverageReport report = new CoverageReport(c, scope, lang);
        if (json) report.printJson(out, p.label(), byRegion ? pack.region : null);
        else report.printText(out);
        return 0;
    }

    private int runFixtures(RulePack p, PrintStream out) {
        FixtureRunner runner = new FixtureRunner(p, new RuleBaseCache(), structuring.stage(p));
        int passed = 0;
        int failed = 0;
        for (FixtureRunner.Case c : runner.cases()) {
            if (pack.region != null && !"base".equals(pack.region) && !c.region().equalsIgnoreCase(pack.region)) continue;
            FixtureRunner.Outcome o = runner.run(c);
            if (o.passed()) {
                passed++;
            } else {
                failed++;
                out.println("FAIL " + c.name() + ": " + o.failure());
            }
        }
        runner.coverageGaps().forEach((rule, gap) -> out.println("GAP  " + rule + ": " + gap));
        out.printf("fixtures: %d passed, %d failed%n", passed, failed);
        return failed == 0 ? 0 : 1;
    }
}
