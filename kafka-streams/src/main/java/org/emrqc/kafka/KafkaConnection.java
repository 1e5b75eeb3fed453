package org.emrqc.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * How every Kafka client of emrqc connects to the brokers beyond {@code bootstrap.servers}: TLS and SASL settings
 * ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}) from the properties file named by the system property
 * {@code emrqc.kafka.config} or the environment variable {@code EMRQC_KAFKA_CONFIG} — e.g. for a Strimzi
 * {@code KafkaUser} with SCRAM-SHA-512 over TLS. Only connection settings are taken; a file that sets anything else
 * (isolation, transactions, offsets: the pipeline's guarantees) is refused naming the key, so the file cannot weaken
 * exactly-once processing.
 */
public final class KafkaConnection {
    public static final String PROPERTY = "emrqc.kafka.config";
    public static final String ENVIRONMENT = "EMRQC_KAFKA_CONFIG";

    private KafkaConnection() { }

    /** The client settings with the connection settings added (unchanged when no file is named). */
    public static Properties apply(Properties client) {
        Map<String, String> settings = settings(System.getProperty(PROPERTY, System.getenv(ENVIRONMENT)));
        client.putAll(settings);
        return client;
    }

    /** The connection settings of the named file; empty for null or blank. */
    static Map<String, String> settings(String file) {
        if (file == null || file.isBlank()) return Map.of();
        Path path = Path.of(file.strip());
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException(ENVIRONMENT + "=" + path + ": cannot read the Kafka connection settings (" + e.getMessage() + ")");
        }
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.equals("security.protocol") && !key.startsWith("ssl.") && !key.startsWith("sasl.")) {
                throw new IllegalArgumentException(ENVIRONMENT + "=" + path + ": '" + key
                        + "' is not a connection setting (only security.protocol, ssl.* and sasl.* are taken)");
            }
            out.put(key, p.getProperty(key).strip());
        }
        return out;
    }
}
