package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS/SASL settings for every Kafka client from one file; nothing else can be set through it. */
class KafkaConnectionTest {
    @TempDir
    Path dir;

    @Test
    void connectionSettingsAreAddedToEveryClientsOwn() throws Exception {
        Path f = Files.writeString(dir.resolve("kafka.properties"), "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "ssl.truststore.location=/etc/kafka/ca.p12\nssl.truststore.type=PKCS12\n");
        System.setProperty(KafkaConnection.PROPERTY, f.toString());
        try {
            Properties p = StreamsSettings.of("b:9093", "emrqc", "/tmp/s", 1024);
            assertEquals("SASL_SSL", p.getProperty("security.protocol"));
            assertEquals("SCRAM-SHA-512", p.getProperty("sasl.mechanism"));
            assertEquals("/etc/kafka/ca.p12", p.getProperty("ssl.truststore.location"));
            assertEquals("exactly_once_v2", p.getProperty("processing.guarantee"), "the pipeline's own settings stay");
        } finally {
            System.clearProperty(KafkaConnection.PROPERTY);
        }
        assertEquals(null, StreamsSettings.of("b:9092", "emrqc", "/tmp/s", 1024).getProperty("security.protocol"), "no file, nothing added");
    }

    @Test
    void aSettingThatIsNotAboutTheConnectionIsRefusedByName() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.properties"), "security.protocol=SSL\nisolation.level=read_uncommitted\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KafkaConnection.settings(f.toString()));
        assertEquals("EMRQC_KAFKA_CONFIG=" + f + ": 'isolation.level' is not a connection setting (only security.protocol, ssl.* and sasl.* are taken)", e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> KafkaConnection.settings(dir.resolve("none").toString()));
        assertEquals(true, missing.getMessage().startsWith("EMRQC_KAFKA_CONFIG=" + dir.resolve("none") + ": cannot read the Kafka connection settings"));
        assertEquals(Map.of(), KafkaConnection.settings("  "));
    }
}
