package org.emrqc.kafka;

import java.nio.file.Path;
import java.time.ZoneOffset;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;

/**
 * The pipeline as its own JVM, for tests that kill it: args bootstrap, state dir, application id, and
 * "inline" or "async" (the asynchronous structuring stage in front, instance id "kill-test", 4 in flight).
 */
public final class StreamProcessMain {
    private StreamProcessMain() { }

    public static void main(String[] args) throws Exception {
        long maxBytes = 8 * 1024 * 1024;
        boolean async = args.length > 3 && args[3].equals("async");
        PipelineMetrics metrics = new PipelineMetrics();
        StructuringWorker worker = null;
        if (async) {
            NarrativeStage stage = new NarrativeStage(new OfflineExtractor(), TsvTerminology.shipped());
            worker = new StructuringWorker(stage, "offline", StructuringWorker.Settings.of(args[0], args[2], "kill-test", 4, maxBytes, ZoneOffset.UTC), metrics);
        }
        PipelineRunner runner = new PipelineRunner(Pipelines.checkers(maxBytes), "CN",
                StreamsSettings.of(args[0], args[2], Path.of(args[1]).toString(), maxBytes), worker, metrics);
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
        runner.start();
        runner.awaitStop();
    }
}
