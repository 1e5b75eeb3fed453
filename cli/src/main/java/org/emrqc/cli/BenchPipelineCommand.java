package org.emrqc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Measures a running pipeline (bin/emrqc broker + bin/emrqc stream): publishes the files --copies times, reads the findings with read_committed, and reports records/s and p50/p99 end-to-end latency (findings visible minus publish time), beside HAPI parsing the same files alone in this process.")
final class BenchPipelineCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT")
    String bootstrap;

    @Option(names = "--copies", defaultValue = "3", description = "How many times each file is published. Default: ${DEFAULT-VALUE}.")
    int copies;

    @Option(names = "--timeout", defaultValue = "600", description = "Give up after this many seconds. Default: ${DEFAULT-VALUE}.")
    int timeout;

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<java.nio.file.Path> paths;

    @Override
    public Integer call() throws Exception {
        InputFiles inputs = InputFiles.collect(paths);
        List<byte[]> messages = new ArrayList<>();
        for (InputFiles.Input in : inputs.inputs) messages.add(Files.readAllBytes(in.file()));
        if (messages.isEmpty()) throw new UserError("no FHIR files in " + paths);
        // parse-only throughput of the same bundles, in this run
        FhirInputReader reader = new FhirInputReader();
        for (byte[] m : messages) reader.parse("warm-up", m);
        long p0 = System.nanoTime();
        for (int c = 0; c < copies; c++) for (byte[] m : messages) reader.parse("parse-only", m);
        double parseRps = copies * messages.size() / ((System.nanoTime() - p0) / 1e9);

        Properties cp = new Properties();
        cp.put("bootstrap.servers", bootstrap);
        cp.put("group.id", "emrqc-bench-" + System.nanoTime());
        cp.put("isolation.level", "read_committed");
        cp.put("auto.offset.reset", "latest");
        cp.put("max.partition.fetch.bytes", 64 * 1024 * 1024);
        String run = "bench-" + System.nanoTime() + "-";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(org.emrqc.kafka.KafkaConnection.apply(cp), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.FINDINGS));
            long waitAssign = System.currentTimeMillis() + 30_000;
            while (consumer.assignment().isEmpty() && System.currentTimeMillis() < waitAssign) consumer.poll(Duration.ofMillis(200));
            Properties pp = new Properties();
            pp.put("bootstrap.servers", bootstrap);
            pp.put("max.request.size", 32 * 1024 * 1024);
            pp.put("linger.ms", 5);
            int total = copies * messages.size();
            long start = System.currentTimeMillis();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(org.emrqc.kafka.KafkaConnection.apply(pp), new ByteArraySerializer(), new ByteArraySerializer())) {
                int i = 0;
                for (int c = 0; c < copies; c++) {
                    for (byte[] m : messages) {
                        producer.send(new ProducerRecord<>(Topics.RECORDS, null, System.currentTimeMillis(), (run + i++).getBytes(StandardCharsets.UTF_8), m));
                    }
                }
                producer.flush();
            }
            List<Long> latencies = new ArrayList<>();
            long last = start;
            long deadline = start + timeout * 1000L;
            while (latencies.size() < total && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null || !new String(r.key(), StandardCharsets.UTF_8).startsWith(run)) continue;
                    long now = System.currentTimeMillis();
                    latencies.add(now - r.timestamp());
                    last = now;
                }
            }
            latencies.sort(null);
            double seconds = (last - start) / 1000.0;
            double rps = latencies.size() / seconds;
            long p50 = latencies.isEmpty() ? -1 : latencies.get(latencies.size() / 2);
            long p99 = latencies.isEmpty() ? -1 : latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1));
            System.out.printf(Locale.ROOT, "pipeline: %d of %d findings messages in %.1f s: %.1f records/s; latency p50 %d ms, p99 %d ms%n",
                    latencies.size(), total, seconds, rps, p50, p99);
            System.out.printf(Locale.ROOT, "HAPI parse only (this process, 1 thread): %.1f records/s; pipeline/parse-only = %.0f%%%n", parseRps, 100 * rps / parseRps);
            System.out.printf(Locale.ROOT, "{\"messages\": %d, \"received\": %d, \"records_per_second\": %.1f, \"p50_ms\": %d, \"p99_ms\": %d, \"parse_only_records_per_second\": %.1f}%n",
                    total, latencies.size(), rps, p50, p99, parseRps);
            return latencies.size() == total ? 0 : 1;
        }
    }
}
