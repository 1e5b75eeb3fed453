package org.emrqc.rules.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.check.RecordStage;
import org.emrqc.rules.engine.CompiledRuleBase;
import org.emrqc.rules.engine.DrlCompileException;
import org.emrqc.rules.engine.DrlError;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.engine.RuleBaseCompiler;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RegionOverlay;
import org.emrqc.rules.pack.RuleDefinition;
import org.emrqc.rules.pack.RuleSettings;
import org.emrqc.rules.pack.RulePack;

/**
 * Decides whether a pack may be published or activated: loads it (PackLoader's file and line messages), checks
 * its metadata and the parameters of every overlay, compiles the DRL of every region (errors traced to the
 * template file and line), then runs its fixtures and names the failing cases. Never throws for a bad pack:
 * everything wrong is a {@link Problem} in the report.
 *
 * <p>Fixtures of narrative rules need the structuring stage, which lives outside this module: pass a factory
 * (the pack → its stage); without one those cases are skipped and a note says so.
 */
public final class PackValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    /** Calendar or semantic versions: 2026.11.0, 1.2.3, 1.2.3-rc.1, 2026.11.0+h001. */
    static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?");

    private final Function<RulePack, RecordStage> stages;
    private final boolean runFixtures;

    /** Validation without a structuring stage: narrative rules' fixtures are skipped. */
    public PackValidator() { this(null, true); }

    /** @param stages the structuring stage for a pack (e.g. NarrativeStage with the pack's drug names); may be null */
    public PackValidator(Function<RulePack, RecordStage> stages) { this(stages, true); }

    public PackValidator(Function<RulePack, RecordStage> stages, boolean runFixtures) {
        this.stages = stages;
        this.runFixtures = runFixtures;
    }

    /** The report, the loaded pack and its compiled regions (null pack / empty cache when it did not load). */
    public record Validated(ValidationReport report, RulePack pack, RuleBaseCache compiled) { }

    /** Validates an uploaded zip: an unreadable archive is a problem of stage "archive". */
    public ValidationReport validate(byte[] zip) {
        long t0 = System.nanoTime();
        PackArchive archive;
        try {
            archive = PackArchive.read(zip);
        } catch (PackException e) {
            return failed(Problem.parse(e.getMessage(), "archive"), t0, null);
        }
        return validate(archive);
    }

    public ValidationReport validate(PackArchive archive) { return validateKeeping(archive).report(); }

    /** Like {@link #validate(PackArchive)}, keeping the compiled rule bases for activation without recompiling. */
    public Validated validateKeeping(PackArchive archive) {
        long t0 = System.nanoTime();
        String sha = null;
        try {
            sha = archive.sha256();
            return run(archive, sha, t0);
        } catch (Exception | StackOverflowError | LinkageError e) {
            return new Validated(failed(new Problem(null, null, "validation failed unexpectedly: " + e, "internal"), t0, sha), null, new RuleBaseCache());
        }
    }

    private static ValidationReport failed(Problem p, long t0, String sha) {
        return new ValidationReport(false, null, sha, 0, 0, 0, 0, List.of(p), List.of(), ValidationReport.Fixtures.NONE, List.of(), ms(t0));
    }

    private Validated run(PackArchive archive, String sha, long t0) {
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        RuleBaseCache cache = new RuleBaseCache();
        RulePack pack;
        try {
            pack = PackLoader.load(archive.source());
        } catch (PackException e) {
            problems.add(Problem.parse(e.getMessage(), "load"));
            return new Validated(report(null, sha, problems, List.of(), ValidationReport.Fixtures.NONE, notes, t0), null, cache);
        } catch (RuntimeException e) {
            problems.add(new Problem("pack.yaml", null, "cannot load the pack: " + e, "load"));
            return new Validated(report(null, sha, problems, List.of(), ValidationReport.Fixtures.NONE, notes, t0), null, cache);
        }
        metadata(pack, problems);
        Map<String, EffectiveRuleSet> sets = parameters(pack, archive, problems);
        List<ValidationReport.RegionCompile> compiles = compile(pack, sets, cache, problems);
        ValidationReport.Fixtures fixtures = ValidationReport.Fixtures.NONE;
        if (!runFixtures) notes.add("fixtures not run (switched off)");
        else fixtures = fixtures(pack, archive, cache, compiles, problems, notes);
        return new Validated(report(pack, sha, problems, compiles, fixtures, notes, t0), pack, cache);
    }

    private static ValidationReport report(RulePack pack, String sha, List<Problem> problems, List<ValidationReport.RegionCompile> compiles,
                                           ValidationReport.Fixtures fixtures, List<String> notes, long t0) {
        return new ValidationReport(problems.isEmpty(), pack == null ? null : pack.label(), sha,
                pack == null ? 0 : pack.rules().size(), pack == null ? 0 : pack.templates().size(),
                pack == null ? 0 : pack.regions().size(), pack == null ? 0 : pack.knowledge().size(),
                List.copyOf(problems), List.copyOf(compiles), fixtures, List.copyOf(notes), ms(t0));
    }

    private static void metadata(RulePack pack, List<Problem> problems) {
        if (!ID.matcher(pack.id()).matches()) {
            problems.add(new Problem("pack.yaml", null, "id '" + pack.id() + "' must be lower-case letters, digits, '.', '_' or '-'", "metadata"));
        }
        if (!VERSION.matcher(pack.version()).matches()) {
            problems.add(new Problem("pack.yaml", null, "version '" + pack.version()
                    + "' is not of the form MAJOR.MINOR.PATCH with an optional -suffix (e.g. 2026.11.0, 2026.11.1-h001)", "metadata"));
        }
        if (pack.title() == null || pack.title().en() == null || pack.title().zh() == null) {
            problems.add(new Problem("pack.yaml", null, "title needs en and zh", "metadata"));
        }
    }

    /**
     * The effective rule set of every region (unknown parameters and broken parent chains are problems), and
     * each overlay parameter checked against the kind of value of the pack's default (number, text, list, yes/no).
     */
    private static Map<String, EffectiveRuleSet> parameters(RulePack pack, PackArchive archive, List<Problem> problems) {
        Map<String, EffectiveRuleSet> sets = new LinkedHashMap<>();
        for (RegionOverlay o : pack.regions().values()) {
            for (var e : o.rules().entrySet()) {
                RuleSettings s = e.getValue();
                RuleDefinition d = pack.rules().get(e.getKey());
                if (s.params() == null || d == null) continue;
                for (var p : s.params().entrySet()) {
                    Object def = d.params().get(p.getKey());
                    if (def == null || sameKind(def, p.getValue())) continue;
                    problems.add(new Problem(o.sourceFile(), lineOf(archive.text(o.sourceFile()), e.getKey(), p.getKey()),
                            "rule " + d.id() + ": parameter " + p.getKey() + " is " + kind(def) + " in the pack (" + def + "), not "
                                    + kind(p.getValue()) + " (" + p.getValue() + ")", "parameters"));
                }
            }
            try {
                sets.put(o.code(), EffectiveRuleSet.of(pack, o.code()));
            } catch (PackException e) {
                Problem p = Problem.parse(e.getMessage(), "parameters");
                Integer line = p.line();
                if (line == null && p.file() != null) {
                    var m = java.util.regex.Pattern.compile("rule (\\S+): unknown parameter '([^']+)'").matcher(p.message());
                    if (m.find()) line = lineOf(archive.text(p.file()), m.group(1), m.group(2));
                }
                problems.add(new Problem(p.file(), line, p.message(), p.stage()));
            }
        }
        return sets;
    }

    static boolean sameKind(Object a, Object b) { return kind(a).equals(kind(b)); }

    static String kind(Object v) {
        if (v instanceof Number) return "a number";
        if (v instanceof Boolean) return "yes/no";
        if (v instanceof List) return "a list";
        if (v instanceof Map) return "a map";
        return "a text";
    }

    /** The line (1-based) of {@code key} after the line that names {@code rule}, or null. */
    static Integer lineOf(String text, String rule, String key) {
        if (text == null) return null;
        String[] lines = text.split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith(rule + ":") || l.startsWith("rule: " + rule) || l.startsWith("- rule: " + rule)) {
                start = i;
                break;
            }
        }
        if (start < 0) return null;
        if (key == null) return start + 1;
        Pattern k = Pattern.compile("(^|[\\s{,])" + Pattern.quote(key) + "\\s*:");
        for (int i = start; i < lines.length; i++) if (k.matcher(lines[i]).find()) return i + 1;
        return start + 1;
    }

    private static List<ValidationReport.RegionCompile> compile(RulePack pack, Map<String, EffectiveRuleSet> sets, RuleBaseCache cache,
                                                                 List<Problem> problems) {
        RuleBaseCompiler compiler = new RuleBaseCompiler();
        List<ValidationReport.RegionCompile> out = new ArrayList<>();
        Map<String, List<String>> seen = new LinkedHashMap<>();
        Map<String, Problem> first = new LinkedHashMap<>();
        for (String region : pack.regions().keySet()) {
            EffectiveRuleSet set = sets.get(region);
            if (set == null) {
                out.add(new ValidationReport.RegionCompile(region, 0, false, 0));
                continue;
            }
            long t0 = System.nanoTime();
            try {
                CompiledRuleBase base = compiler.compile(set);
                cache.put(pack, base);
                out.add(new ValidationReport.RegionCompile(region, set.enabled().size(), true, ms(t0)));
            } catch (DrlCompileException e) {
                out.add(new ValidationReport.RegionCompile(region, set.enabled().size(), false, ms(t0)));
                for (DrlError d : e.errors()) {
                    String key = d.file() + "|" + (d.templateLine() != null ? d.templateLine() : d.generatedText()) + "|" + firstLine(d.message());
                    seen.computeIfAbsent(key, k -> new ArrayList<>()).add(region);
                    first.putIfAbsent(key, new Problem(d.file(), d.templateLine(), compileMessage(d), "compile"));
                }
            } catch (PackException e) {
                out.add(new ValidationReport.RegionCompile(region, set.enabled().size(), false, ms(t0)));
                Problem p = Problem.parse(e.getMessage(), "compile");
                seen.computeIfAbsent(p.toString(), k -> new ArrayList<>()).add(region);
                first.putIfAbsent(p.toString(), p);
            }
        }
        first.forEach((key, p) -> {
            List<String> regions = seen.get(key).stream().distinct().toList();
            problems.add(new Problem(p.file(), p.line(), p.message() + " [region" + (regions.size() > 1 ? "s " : " ") + String.join(", ", regions) + "]", p.stage()));
        });
        return out;
    }

    private static String compileMessage(DrlError d) {
        StringBuilder sb = new StringBuilder();
        if (d.rule() != null) sb.append("rule ").append(d.rule()).append(": ");
        String m = d.message().replaceAll("\\s+", " ");
        // Drools' "Line 15:0" counts lines of the generated DRL; the problem carries the template's line instead
        if (d.templateLine() != null) m = m.replaceFirst("\\bLine \\d+:\\d+ ", "");
        sb.append(m);
        if (d.templateLine() == null && d.generatedLine() > 0) {
            sb.append(" (line ").append(d.generatedLine()).append(" of the generated DRL: `").append(d.generatedText()).append("`)");
        }
        return sb.toString();
    }

    /** Drools' message without its generated-DRL position, so one template error found in several regions is one problem. */
    private static String firstLine(String message) {
        return message.replaceAll("\\[[^\\]]*\\]", "").replaceAll("[Ll]ine \\d+:\\d+", "").replaceAll("\"[^\"]*\"", "").strip();
    }

    private ValidationReport.Fixtures fixtures(RulePack pack, PackArchive archive, RuleBaseCache cache, List<ValidationReport.RegionCompile> compiles,
                                               List<Problem> problems, List<String> notes) {
        long t0 = System.nanoTime();
        java.util.Set<String> compiled = new java.util.HashSet<>();
        for (ValidationReport.RegionCompile c : compiles) if (c.ok()) compiled.add(c.region());
        RecordStage stage = stages == null ? null : stages.apply(pack);
        FixtureRunner runner = new FixtureRunner(pack, cache, stage == null ? RecordStage.NONE : stage);
        List<FixtureRunner.Case> cases;
        try {
            cases = runner.cases();
        } catch (PackException e) {
            problems.add(Problem.parse(e.getMessage(), "fixtures"));
            return ValidationReport.Fixtures.NONE;
        }
        int run = 0;
        int passed = 0;
        int skippedNarrative = 0;
        int skippedRegion = 0;
        List<String> failed = new ArrayList<>();
        for (FixtureRunner.Case c : cases) {
            if (stage == null && pack.rules().get(c.rule()).narrative()) {
                skippedNarrative++;
                continue;
            }
            String resolved;
            try {
                resolved = EffectiveRuleSet.of(pack, c.region()).resolvedRegion();
            } catch (PackException e) {
                resolved = null;
            }
            if (resolved == null || !compiled.contains(resolved)) {
                skippedRegion++;
                continue;
            }
            run++;
            String failure;
            try {
                FixtureRunner.Outcome o = runner.run(c);
                failure = o.failure();
            } catch (PackException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = "error: " + e;
            }
            if (failure == null) {
                passed++;
            } else {
                failed.add(c.name());
                problems.add(new Problem(c.source(), fixtureLine(archive.text(c.source()), c), c.name() + ": " + failure, "fixtures"));
            }
        }
        if (skippedNarrative > 0) notes.add(skippedNarrative + " fixture cases of narrative rules skipped: no structuring stage was given");
        if (skippedRegion > 0) notes.add(skippedRegion + " fixture cases skipped: their region did not compile");
        return new ValidationReport.Fixtures(run, passed, failed.size(), skippedNarrative + skippedRegion, List.copyOf(failed), ms(t0));
    }

    /** The line of a case's record in its fixture file: the first "file: X" after a "rule: R" line. */
    static Integer fixtureLine(String text, FixtureRunner.Case c) {
        if (text == null) return null;
        String[] lines = text.split("\n", -1);
        boolean inRule = false;
        boolean regionOk = false;
        Integer ruleLine = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("- rule:") || l.startsWith("rule:")) {
                inRule = l.substring(l.indexOf(':') + 1).strip().equals(c.rule());
                regionOk = "base".equals(c.region());
                if (inRule && ruleLine == null) ruleLine = i + 1;
            } else if (inRule && l.startsWith("region:")) {
                regionOk = l.substring(l.indexOf(':') + 1).strip().equals(c.region());
            } else if (inRule && regionOk && l.replaceFirst("^-\\s*", "").equals("file: " + c.file())) {
                return i + 1;
            }
        }
        return ruleLine;
    }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }
}
