package org.assistance.chassis.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.assistance.chassis.deadletters.DeadLetterStore;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.outbox.EventPublisher;

/**
 * Parks a record that a consumer cannot handle on {@code <topic>.dlq}, unchanged, with the
 * reason in headers, so nothing is lost and the consumer moves on; and in the service's own
 * {@code dead_letters}, where staff replay or discard it ({@code /api/v1/admin/dead-letters}).
 * Counted per topic and consumer.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String REASON = "dlq-reason";
    public static final String EXCEPTION = "dlq-exception";
    public static final String CONSUMER = "dlq-consumer";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String DEAD_LETTERED_AT = "dlq-time";

    private final EventPublisher publisher;
    private final MeterRegistry metrics;
    private final DeadLetterStore store;

    public DeadLetters(EventPublisher publisher, MeterRegistry metrics, DeadLetterStore store) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.store = store;
    }

    /**
     * Parks the record: first in the service's own dead letters (where staff replay or discard it),
     * then on the topic. Called again after a failure: the first step keeps a record once.
     */
    public void send(ConsumerRecord<String, byte[]> record, String consumer, Throwable reason) {
        String why = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        store.keep(record, consumer, why, reason.getClass().getName());
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(Topics.deadLetters(record.topic()), record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        add(letter, REASON, why);
        add(letter, EXCEPTION, reason.getClass().getName());
        add(letter, CONSUMER, consumer);
        add(letter, ORIGINAL_TOPIC, record.topic());
        add(letter, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(letter, ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(letter, DEAD_LETTERED_AT, OffsetDateTime.now().toString());
        try {
            publisher.send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new DeadLetterNotSent(e);
        }
        Counter.builder("assistance.events.dead.lettered")
                .description("Records parked on a dead-letter topic")
                .tag("topic", record.topic())
                .tag("consumer", consumer)
                .register(metrics)
                .increment();
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        String bounded = value.length() > 2000 ? value.substring(0, 2000) : value;
        record.headers().add(name, bounded.getBytes(StandardCharsets.UTF_8));
    }

    /** Kafka did not take the dead letter; it is retried like any transient failure. */
    static final class DeadLetterNotSent extends RuntimeException {
        DeadLetterNotSent(Throwable cause) {
            super("dead letter not acknowledged by Kafka: " + cause.getMessage(), cause);
        }
    }
}
