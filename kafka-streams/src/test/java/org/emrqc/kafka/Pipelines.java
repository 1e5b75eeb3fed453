package org.emrqc.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;

/** What every test level shares: the core pack, the offline structuring stage, the sample records. */
final class Pipelines {
    static final Path SAMPLES = Path.of("..", "samples");
    private static RulePack pack;

    private Pipelines() { }

    static synchronized RulePack pack() {
        if (pack == null) pack = PackLoader.load(PackSource.directory(Path.of("..", "rule-packs", "core")));
        return pack;
    }

    static CheckerRegistry checkers(long maxBytes) {
        NarrativeStage stage = new NarrativeStage(new OfflineExtractor(), TsvTerminology.shipped());
        return new CheckerRegistry(pack(), stage::apply, ZoneOffset.UTC, maxBytes);
    }

    static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }
}
