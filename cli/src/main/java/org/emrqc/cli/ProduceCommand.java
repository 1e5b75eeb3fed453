package org.emrqc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publishes FHIR files to emrqc.records.v1: one message per JSON file or NDJSON line, keyed by the patient id (the Patient resource's id, else the file name).")
final class ProduceCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT")
    String bootstrap;

    @Option(names = "--region", paramLabel = "R", description = "Set the emrqc-region header on every message.")
    String region;

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        InputFiles inputs = InputFiles.collect(paths);
        inputs.missing.forEach(m -> System.err.println("error: " + m));
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        p.put("max.request.size", 32 * 1024 * 1024);
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(org.emrqc.kafka.KafkaConnection.apply(p), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (InputFiles.Input in : inputs.inputs) {
                List<byte[]> messages;
                try {
                    messages = FhirInputReader.isNdjson(in.file())
                            ? Files.readAllLines(in.file(), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList()
                            : List.of(Files.readAllBytes(in.file()));
                } catch (IOException e) {
                    System.err.println("error: " + in.file() + ": cannot read: " + e.getMessage());
                    continue;
                }
                for (byte[] m : messages) {
                    ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(Topics.RECORDS, key(m, in.file()).getBytes(StandardCharsets.UTF_8), m);
                    r.headers().add(Topics.HEADER_CONTENT_TYPE, "application/fhir+json".getBytes(StandardCharsets.UTF_8));
                    if (region != null) r.headers().add(Topics.HEADER_REGION, region.getBytes(StandardCharsets.UTF_8));
                    producer.send(r);
                    sent++;
                }
            }
            producer.flush();
        }
        System.out.println("Published " + sent + " messages from " + inputs.inputs.size() + " files to " + Topics.RECORDS);
        return inputs.missing.isEmpty() ? 0 : 1;
    }

    /** The id of the first Patient in the message, else the file name. */
    static String key(byte[] message, Path file) {
        String s = new String(message, 0, Math.min(message.length, 1 << 20), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"resourceType\"\\s*:\\s*\"Patient\"\\s*,\\s*\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(s);
        return m.find() ? m.group(1) : file.getFileName().toString();
    }
}
