package org.emrqc.kafka;

import java.nio.file.Path;

/** The pipeline as its own JVM, for tests that kill it: args bootstrap, state dir, application id. */
public final class StreamProcessMain {
    private StreamProcessMain() { }

    public static void main(String[] args) throws Exception {
        PipelineRunner runner = new PipelineRunner(Pipelines.checkers(8 * 1024 * 1024), "CN",
                StreamsSettings.of(args[0], args[2], Path.of(args[1]).toString(), 8 * 1024 * 1024));
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
        runner.start();
        runner.awaitStop();
    }
}
