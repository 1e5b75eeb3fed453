package org.emrqc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.kafka.PipelineRunner;
import org.emrqc.kafka.StreamsSettings;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Runs the pipeline in the foreground: reads emrqc.records.v1, writes findings to emrqc.findings.v1 and bad input to emrqc.records.dlq.v1, exactly once. Ctrl-C or SIGTERM stops it cleanly. --region is the default for messages without an emrqc-region header.")
final class StreamCommand implements Callable<Integer> {
    @Mixin
    PackOptions pack;

    @Mixin
    StructuringOptions structuring;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory. Default: a folder under the system temp dir.")
    Path stateDir;

    @Option(names = "--application-id", defaultValue = "emrqc", description = "Kafka Streams application id (consumer group). Default: ${DEFAULT-VALUE}.")
    String applicationId;

    @Option(names = "--timezone", defaultValue = "UTC", description = "Zone for times without an offset. Default: ${DEFAULT-VALUE}.")
    String timezone;

    @Option(names = "--threads", paramLabel = "N", description = "Stream threads (partitions worked on in parallel). Default: the number of cores.")
    Integer threads;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Serve /live, /ready (200 only while RUNNING) and /metrics (Prometheus) on 127.0.0.1:PORT.")
    Integer httpPort;

    @Option(names = "--max-message-mb", defaultValue = "16", description = "Larger messages go to the dead-letter topic. Default: ${DEFAULT-VALUE}.")
    int maxMessageMb;

    @Override
    public Integer call() throws Exception {
        RulePack rulePack = pack.load();
        Path state = stateDir != null ? stateDir : Files.createTempDirectory("emrqc-streams");
        long maxBytes = maxMessageMb * 1024L * 1024L;
        CheckerRegistry checkers = new CheckerRegistry(rulePack, structuring.stage(rulePack), ZoneId.of(timezone), maxBytes);
        checkers.forRegion(pack.region); // compile the default region's rules before joining the group
        PipelineRunner runner = new PipelineRunner(checkers, pack.region, StreamsSettings.of(bootstrap, applicationId, state.toString(), maxBytes,
                threads != null ? threads : Runtime.getRuntime().availableProcessors()));
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "emrqc-stream-shutdown"));
        org.emrqc.kafka.HealthServer health = httpPort == null ? null
                : new org.emrqc.kafka.HealthServer("127.0.0.1", httpPort, runner::ready, () -> runner.state().name(), runner::prometheus);
        if (health != null) Runtime.getRuntime().addShutdownHook(new Thread(health::close, "emrqc-health-shutdown"));
        runner.start();
        System.err.println("emrqc stream: pack " + rulePack.label() + ", default region " + pack.region + ", bootstrap " + bootstrap + ", state " + state);
        if (!runner.awaitRunning(Duration.ofMinutes(2))) System.err.println("emrqc stream: not running yet (state " + runner.state() + ")");
        runner.awaitStop();
        return 0;
    }
}
