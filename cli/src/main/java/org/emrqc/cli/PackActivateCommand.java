package org.emrqc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emrqc.kafka.PackPublisher;
import org.emrqc.kafka.Topics;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.admin.PackValidator;
import org.emrqc.rules.admin.Problem;
import org.emrqc.rules.admin.ValidationReport;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
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
        PackArchive archive;
        try {
            if (Files.isDirectory(path)) archive = PackArchive.of(path);
            else if (Files.isRegularFile(path)) archive = PackArchive.read(Files.readAllBytes(path));
            else throw new UserError(path + ": no such folder or file");
        } catch (PackException e) {
            return refuse(out, path.toString(), List.of("archive: " + e.getMessage()));
        }
        if (!archive.has("pack.yaml")) throw new UserError(path + ": not a rule pack (no pack.yaml)");
        ValidationReport report = new PackValidator(structuring::stage).validate(archive);
        out.println(report.summary().lines().findFirst().orElse(""));
        for (ValidationReport.RegionCompile c : report.compiles()) {
            out.printf(Locale.ROOT, "  compiled %-8s %4d rules in %d ms%s%n", c.region(), c.enabledRules(), c.millis(), c.ok() ? "" : " (failed)");
        }
        ValidationReport.Fixtures f = report.fixtures();
        out.printf(Locale.ROOT, "  fixtures: %d run, %d passed, %d failed%n", f.run(), f.passed(), f.failed());
        if (!report.ok()) {
            return refuse(out, report.pack() == null ? path.toString() : report.pack(), report.problems().stream().map(Problem::toString).toList());
        }
        byte[] zip = archive.zip();
        out.printf(Locale.ROOT, "valid in %.1f s; archive %d bytes, sha256 %s%n", report.totalMillis() / 1000.0, zip.length, archive.sha256());
        if (dryRun) {
            out.println("--dry-run: not published");
            return 0;
        }
        RulePack pack = PackLoader.load(archive.source());
        String who = activatedBy != null ? activatedBy : System.getProperty("user.name", "unknown");
        try {
            PackPublisher.Published p = PackPublisher.publish(bootstrap, pack.id(), pack.version(), zip, who);
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
