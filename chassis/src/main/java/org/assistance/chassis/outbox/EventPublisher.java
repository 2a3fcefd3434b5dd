package org.assistance.chassis.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assistance.chassis.topics.KafkaClientSettings;

/**
 * The one Kafka producer of a service, used by the outbox relay and for dead letters.
 * Idempotent with {@code acks=all} (SmallRye's default of acks=1 would silently turn
 * idempotence off), so retries never duplicate or reorder records of one partition.
 */
@ApplicationScoped
public class EventPublisher {
    private final KafkaClientSettings kafka;
    private volatile KafkaProducer<String, byte[]> producer;

    @Inject
    public EventPublisher(KafkaClientSettings kafka) {
        this.kafka = kafka;
    }

    /** A publisher that connects without credentials (tests that never reach a broker). */
    public EventPublisher(String bootstrapServers) {
        this(KafkaClientSettings.plaintext(bootstrapServers));
    }

    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return producer().send(record);
    }

    public void flush() {
        producer().flush();
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings(kafka), new StringSerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    static Properties settings(KafkaClientSettings kafka) {
        Properties props = new Properties();
        // the service's own Kafka user: it may write only its own topics and the dead letters of what it reads
        props.putAll(kafka.common());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // up to 5 in flight keeps per-partition order with idempotence
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // fail a send quickly while the broker is away: the relay retries from the table
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        // never expire a queued record: an expired batch followed by a delivered later one would
        // break the order of a request's events; while Kafka is away the relay simply waits
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        props.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                "outbox-relay-" + ProcessHandle.current().pid());
        return props;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
