package org.emrqc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Option;

/** Options shared by the commands that use a rule pack. */
final class PackOptions {
    @Option(names = "--pack", paramLabel = "DIR", description = "Rule pack directory (with pack.yaml). Default: the core pack shipped with emrqc.")
    Path pack;

    @Option(names = "--region", paramLabel = "R", defaultValue = "base",
            description = "Region code: base, CN, CN-GD, CN-BJ, US, ... A region without an overlay falls back to its parent (US-MA -> US -> base). Default: ${DEFAULT-VALUE}.")
    String region;

    RulePack load() {
        if (pack == null) return PackLoader.loadBundled();
        if (!Files.isRegularFile(pack.resolve("pack.yaml"))) throw new UserError(pack + ": not a rule pack (no pack.yaml)");
        return PackLoader.load(PackSource.directory(pack));
    }
}
