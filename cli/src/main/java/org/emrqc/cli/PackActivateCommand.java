package org.emrqc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emrqc.kafka.PackPublisher;
import org.emrqc.kafka.PackZip;
import org.emrqc.kafka.Topics;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.engine.RuleBaseCache;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "activate", mixinStandardHelpOptions = true,
        description = {"Validates a rule pack version and publishes it to emrqc.packs.v1, where every running 'emrqc stream' (--watch-packs, the default) "
                + "swaps to it without a restart. Validation: the pack loads, every region compiles, every fixture passes; a pack that fails is not "
                + "published (exit 1, with the reasons) and the active version keeps serving.",
                "The archive is a deterministic zip of the pack folder (sorted entries, fixed times): the same folder gives the same sha256."})
final class PackActivateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "The pack: a folder with pack.yaml, or a zip of one (pack.yaml at its root or under one top folder).")
    Path path;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--activated-by", paramLabel = "NAME", description = "Who activates it (header emrqc-activated-by). Default: the user name.")
    String activatedBy;

    @Option(names = "--dry-run", description = "Validate and build the archive, but do not publish.")
    boolean dryRun;

    @Mixin
    StructuringOptions structuring;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (Files.isDirectory(path)) return activate(path, out);
        if (!Files.isRegularFile(path)) throw new UserError(path + ": no such folder or file");
        try (PackZip.Unpacked u = PackZip.unpack(Files.readAllBytes(path))) {
            return activate(u.root(), out);
        }
    }

    private int activate(Path root, PrintStream out) {
        if (!Files.isRegularFile(root.resolve("pack.yaml"))) throw new UserError(path + ": not a rule pack (no pack.yaml)");
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        RulePack pack;
        try {
            pack = PackLoader.load(PackSource.directory(root));
        } catch (PackException e) {
            return refuse(out, path.toString(), List.of("load: " + e.getMessage()));
        }
        out.printf(Locale.ROOT, "pack %s: %d rules, %d templates, %d regions, %d knowledge tables%n",
                pack.label(), pack.rules().size(), pack.templates().size(), pack.regions().size(), pack.knowledge().size());
        RuleBaseCache cache = new RuleBaseCache();
        for (String region : pack.regions().keySet()) {
            long r0 = System.nanoTime();
            try {
                int rules = cache.get(pack, region).ruleSet().enabled().size();
                out.printf(Locale.ROOT, "  compiled %-8s %4d rules in %d ms%n", region, rules, (System.nanoTime() - r0) / 1_000_000);
            } catch (RuntimeException e) {
                problems.add("compile " + region + ": " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            FixtureRunner runner = new FixtureRunner(pack, cache, structuring.stage(pack));
            int run = 0;
            int failed = 0;
            try {
                for (FixtureRunner.Case c : runner.cases()) {
                    run++;
                    FixtureRunner.Outcome o;
                    try {
                        o = runner.run(c);
                    } catch (RuntimeException e) {
                        o = new FixtureRunner.Outcome(c, e.getMessage(), List.of());
                    }
                    if (!o.passed()) {
                        failed++;
                        problems.add("fixture " + c.source() + ": " + c.name() + ": " + o.failure());
                    }
                }
                out.printf(Locale.ROOT, "  fixtures: %d run, %d passed, %d failed%n", run, run - failed, failed);
            } catch (PackException e) {
                problems.add("fixtures: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) return refuse(out, pack.label(), problems);
        byte[] archive = PackZip.zip(root);
        out.printf(Locale.ROOT, "valid in %.1f s; archive %d bytes, sha256 %s%n", (System.nanoTime() - t0) / 1e9, archive.length, PackZip.sha256(archive));
        if (dryRun) {
            out.println("--dry-run: not published");
            return 0;
        }
        String who = activatedBy != null ? activatedBy : System.getProperty("user.name", "unknown");
        try {
            PackPublisher.Published p = PackPublisher.publish(bootstrap, pack.id(), pack.version(), archive, who);
            out.printf(Locale.ROOT, "published %s to %s (partition %d, offset %d), activated by %s; running stream processors swap to it%n",
                    pack.label(), Topics.PACKS, p.partition(), p.offset(), who);
            return 0;
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static int refuse(PrintStream out, String what, List<String> problems) {
        out.println("refused: " + what + " is not published (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "); the active version keeps serving");
        for (String p : problems) out.println("  " + p.replace("\n", "\n    "));
        return 1;
    }
}
