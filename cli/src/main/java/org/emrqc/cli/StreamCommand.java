package org.emrqc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.kafka.PackWatcher;
import org.emrqc.kafka.PipelineMetrics;
import org.emrqc.kafka.StructuringWorker;
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

    @Option(names = "--http-port", paramLabel = "PORT", description = "Serve /live, /ready (200 only while RUNNING) and /metrics (Prometheus) on --http-host:PORT.")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the --http-port endpoint binds to; 0.0.0.0 in a container so probes and scrapers reach it. Default: ${DEFAULT-VALUE}.")
    String httpHost;

    @Option(names = "--max-message-mb", defaultValue = "16", description = "Larger messages go to the dead-letter topic. Default: ${DEFAULT-VALUE}.")
    int maxMessageMb;

    /** Where narrative structuring runs. */
    enum Structuring { inline, async }

    @Option(names = "--structuring", paramLabel = "MODE",
            description = "inline: extract inside the stream task (CPU-bound offline extractor); async: a separate transactional stage reads emrqc.records.v1, extracts up to --structuring-concurrency documents at once and writes emrqc.records.structured.v1, which the rule stage reads (for an LLM, whose calls wait). Default: async with --llm, else inline.")
    Structuring structuringMode;

    @Option(names = "--structuring-concurrency", paramLabel = "N",
            description = "Extractions in flight at once in the async stage (an LLM server's parallel slots). Default: --llm-concurrency with --llm, else the number of cores.")
    Integer structuringConcurrency;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "Stable name of this instance (the async stage's transactional id ends with it; a restarted instance with the same id aborts what its predecessor left open). Unique per running instance. Default: the host name.")
    String instanceId;

    @Option(names = "--watch-packs", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Follow emrqc.packs.v1 (the versions 'emrqc pack activate' publishes): start on the version last activated for this pack id and swap to each new one while running, without a restart. --no-watch-packs runs --pack only. Default: on.")
    boolean watchPacks;

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "plain (lines) or json (one JSON object per line on stderr: time, level, logger, thread, message and fields such as topic, partition, offset, stage, pack). Default: the environment variable EMRQC_LOG_FORMAT, else plain.")
    String logFormat;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamCommand.class);

    @Override
    public Integer call() throws Exception {
        if (logFormat != null) {
            try {
                org.emrqc.cli.log.LogFormat.format(org.emrqc.cli.log.LogFormat.parse(logFormat));
            } catch (IllegalArgumentException e) {
                throw new UserError("--log-format: " + e.getMessage());
            }
        }
        RulePack rulePack = pack.load();
        Path state = stateDir != null ? stateDir : Files.createTempDirectory("emrqc-streams");
        long maxBytes = maxMessageMb * 1024L * 1024L;
        ZoneId zone = ZoneId.of(timezone);
        Structuring mode = structuringMode != null ? structuringMode : structuring.usesLlm() ? Structuring.async : Structuring.inline;
        if (mode == Structuring.async && structuring.narrativeOff()) throw new UserError("--structuring async needs narrative extraction (drop --no-narrative)");
        int concurrency = structuringConcurrency != null ? structuringConcurrency
                : structuring.usesLlm() ? structuring.llmConcurrency() : Runtime.getRuntime().availableProcessors();
        if (concurrency < 1) throw new UserError("--structuring-concurrency must be at least 1");
        PipelineMetrics metrics = new PipelineMetrics().llm(structuring::llmMetrics);
        StructuringWorker worker = null;
        CheckerRegistry checkers;
        if (mode == Structuring.async) {
            NarrativeStage stage = structuring.narrativeStage(rulePack);
            checkers = new CheckerRegistry(rulePack, stage::apply, zone, maxBytes);
            worker = new StructuringWorker(stage, structuring.extractorLabel(),
                    StructuringWorker.Settings.of(bootstrap, applicationId, instanceId != null ? instanceId : hostName(), concurrency, maxBytes, zone), metrics);
        } else {
            // each version the watcher puts in force gets its own stage (the pack's drug names are terminology)
            checkers = new CheckerRegistry(rulePack, structuring::stage, zone, maxBytes);
        }
        checkers.forRegion(pack.region); // compile the default region's rules before joining the group
        PipelineRunner runner = new PipelineRunner(checkers, pack.region, StreamsSettings.of(bootstrap, applicationId, state.toString(), maxBytes,
                threads != null ? threads : Runtime.getRuntime().availableProcessors()), worker, metrics);
        if (watchPacks) runner.watchPacks(new PackWatcher(bootstrap, checkers, List.of(pack.region)));
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "emrqc-stream-shutdown"));
        org.emrqc.kafka.HealthServer health = httpPort == null ? null
                : new org.emrqc.kafka.HealthServer(httpHost, httpPort, runner::ready, runner::stateText, runner::prometheus);
        if (health != null) Runtime.getRuntime().addShutdownHook(new Thread(health::close, "emrqc-health-shutdown"));
        runner.start();
        LOG.atInfo().addKeyValue("pack", checkers.packLabel()).addKeyValue("region", pack.region)
                .log("started: pack {}{}, default region {}, bootstrap {}, state {}, structuring {}", checkers.packLabel(),
                        watchPacks ? " (following " + org.emrqc.kafka.Topics.PACKS + ")" : "", pack.region, bootstrap, state,
                        structuring.narrativeOff() ? "off" : mode + (mode == Structuring.async ? " (" + concurrency + " in flight, " + structuring.extractorLabel() + ")" : ""));
        if (!runner.awaitRunning(Duration.ofMinutes(2))) LOG.warn("not running yet ({})", runner.stateText());
        runner.awaitStop();
        if (worker != null && worker.failure() != null) {
            LOG.error("the structuring stage stopped: {}", worker.failure().getMessage());
            runner.close();
            return 1;
        }
        return 0;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "local";
        }
    }
}
