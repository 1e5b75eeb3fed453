package org.emrqc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.llm.FixedDelayEndpoint;
import org.emrqc.extractor.llm.LlmConfig;
import org.emrqc.extractor.llm.LlmExtractor;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.sections.SectionDetector;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.kafka.PipelineMetrics;
import org.emrqc.kafka.PipelineRunner;
import org.emrqc.kafka.StreamsSettings;
import org.emrqc.kafka.StructuringWorker;
import org.emrqc.kafka.Topics;
import org.emrqc.kafka.bench.NoteRecords;
import org.emrqc.rules.check.RecordStage;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "structuring", mixinStandardHelpOptions = true,
        description = "Measures the pipeline with the asynchronous structuring stage against a local model endpoint that answers every call after a fixed delay: for each LLM concurrency, runs the full pipeline (structuring stage + rule stage) in this process on a scratch broker, publishes records with one note each (6 sections: one call per section) and reports records/s, p50/p99 end-to-end latency and the calls seen in flight. Deletes and recreates the emrqc topics before each run, so it needs --scratch and a broker of its own (bin/emrqc broker --data /tmp/scratch).")
final class BenchStructuringCommand implements Callable<Integer> {
    @Mixin
    PackOptions pack;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT")
    String bootstrap;

    @Option(names = "--scratch", required = true, description = "Confirms that the broker's emrqc topics may be deleted.")
    boolean scratch;

    @Option(names = "--delay-ms", defaultValue = "1000", description = "How long the endpoint takes per call. Default: ${DEFAULT-VALUE}.")
    int delayMs;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,8,32", description = "LLM concurrencies to measure. Default: ${DEFAULT-VALUE}.")
    List<Integer> concurrencies;

    @Option(names = "--records-per-slot", defaultValue = "8", description = "Records per run = this × concurrency (at least 16). Default: ${DEFAULT-VALUE}.")
    int perSlot;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of the recreated topics. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Override
    public Integer call() throws Exception {
        if (!scratch) throw new UserError("--scratch is required: this benchmark deletes the broker's emrqc topics");
        RulePack rulePack = pack.load();
        CheckerRegistry checkers = new CheckerRegistry(rulePack, RecordStage.NONE, ZoneOffset.UTC, 16L * 1024 * 1024);
        checkers.forRegion(pack.region);
        List<String> rows = new ArrayList<>();
        boolean complete = true;
        try (FixedDelayEndpoint endpoint = new FixedDelayEndpoint(Duration.ofMillis(delayMs))) {
            for (int c : concurrencies) {
                if (c < 1) throw new UserError("--concurrency values must be at least 1");
                recreateTopics();
                endpoint.resetCounters();
                int n = Math.max(16, perSlot * c);
                Run r = run(checkers, endpoint, c, n);
                complete &= r.received == n;
                String row = String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.2f | %.1f | %d | %d | %d | %d |",
                        c, n, r.received, r.seconds, r.received / r.seconds, endpoint.calls() / r.seconds, r.p50, r.p99, endpoint.calls(), endpoint.maxInFlight());
                rows.add(row);
                System.out.println(row);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "endpoint delay %d ms per call; records with one note of 6 sections each (one call per section)%n", delayMs);
        System.out.println("| LLM concurrency | records | findings | seconds | records/s | calls/s | p50 ms | p99 ms | calls | max calls in flight |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        return complete ? 0 : 1;
    }

    private record Run(int received, double seconds, long p50, long p99) { }

    private Run run(CheckerRegistry checkers, FixedDelayEndpoint endpoint, int concurrency, int n) throws Exception {
        LlmConfig cfg = LlmConfig.defaults(endpoint.baseUrl(), "fixed-delay").withMaxConcurrency(concurrency).withCache(0, null)
                .withTimeout(Duration.ofMillis(delayMs * 10L + 10_000));
        LlmExtractor llm = new LlmExtractor(cfg, new OfflineExtractor(), new SectionDetector()::detect);
        NarrativeStage stage = new NarrativeStage(llm, TsvTerminology.shipped());
        PipelineMetrics metrics = new PipelineMetrics();
        String app = "emrqc-bench-structuring-" + concurrency + "-" + System.nanoTime();
        Path state = Files.createTempDirectory("emrqc-bench-structuring");
        StructuringWorker worker = new StructuringWorker(stage, llm.provenance(),
                StructuringWorker.Settings.of(bootstrap, app, "bench", concurrency, 16L * 1024 * 1024, ZoneOffset.UTC), metrics);
        try (PipelineRunner runner = new PipelineRunner(checkers, pack.region,
                StreamsSettings.of(bootstrap, app, state.toString(), 16L * 1024 * 1024, 1), worker, metrics)) {
            runner.start();
            if (!runner.awaitRunning(Duration.ofMinutes(2))) throw new UserError("the pipeline did not start: " + runner.stateText());
            Properties cp = new Properties();
            cp.put("bootstrap.servers", bootstrap);
            cp.put("group.id", app + "-reader");
            cp.put("isolation.level", "read_committed");
            cp.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.FINDINGS));
                Properties pp = new Properties();
                pp.put("bootstrap.servers", bootstrap);
                pp.put("linger.ms", 5);
                long start = System.currentTimeMillis();
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
                    for (int i = 0; i < n; i++) {
                        producer.send(new ProducerRecord<>(Topics.RECORDS, null, System.currentTimeMillis(), ("k" + i).getBytes(StandardCharsets.UTF_8), NoteRecords.record(i)));
                    }
                }
                List<Long> latencies = new ArrayList<>();
                long last = start;
                long deadline = start + Math.max(120_000L, 4L * n * delayMs / concurrency + 60_000);
                while (latencies.size() < n && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        latencies.add(now - r.timestamp());
                        last = now;
                    }
                }
                latencies.sort(null);
                long p50 = latencies.isEmpty() ? -1 : latencies.get(latencies.size() / 2);
                long p99 = latencies.isEmpty() ? -1 : latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1));
                return new Run(latencies.size(), (last - start) / 1000.0, p50, p99);
            }
        }
    }

    /** Deletes and recreates the emrqc topics, so that each run starts on empty topics. */
    private void recreateTopics() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> ours = Topics.ALL.stream().filter(existing::contains).toList();
            if (!ours.isEmpty()) admin.deleteTopics(ours).all().get();
            long deadline = System.currentTimeMillis() + 60_000;
            while (admin.listTopics().names().get().stream().anyMatch(Topics.ALL::contains)) {
                if (System.currentTimeMillis() > deadline) throw new UserError("the emrqc topics were not deleted within 60 s");
                Thread.sleep(250); // deletion still in progress
            }
            List<NewTopic> topics = Topics.ALL.stream().map(t -> org.emrqc.kafka.LocalBrokerConfig.topic(t, partitions)).toList();
            admin.createTopics(topics).all().get();
        }
    }
}
