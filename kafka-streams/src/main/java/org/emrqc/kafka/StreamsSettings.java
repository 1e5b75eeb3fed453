package org.emrqc.kafka;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the pipeline; each line says why. */
public final class StreamsSettings {
    private StreamsSettings() { }

    public static Properties of(String bootstrap, String applicationId, String stateDir, long maxMessageBytes) {
        return of(bootstrap, applicationId, stateDir, maxMessageBytes, 1);
    }

    public static Properties of(String bootstrap, String applicationId, String stateDir, long maxMessageBytes, int threads) {
        Properties p = new Properties();
        // one stream thread per partition this instance works on, up to the cores it has
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // every input message gives exactly one output message (findings or dead letter), also across crashes
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // keys and values stay bytes: parsing is the processor's job, so bad bytes become dead letters, not crashes
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        // commit often: findings become visible to read_committed consumers within this interval
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        // a new consumer group reads the topic from its start
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // records can be large (lifetime patient bundles); findings bundles are larger than their input
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), (int) Math.min(Integer.MAX_VALUE, maxMessageBytes + 1024));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), (int) Math.min(Integer.MAX_VALUE, maxMessageBytes * 4));
        // checking one record can take seconds with an LLM; keep the member in the group meanwhile
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 50);
        return KafkaConnection.apply(p);
    }
}
