package org.assistance.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.outbox.EventPublisher;
import org.assistance.chassis.outbox.OutboxConfig;
import org.assistance.chassis.outbox.OutboxRelay;
import org.assistance.testsupport.BrokerClient;
import org.junit.jupiter.api.Test;

/** Two service instances share one outbox table: each row reaches Kafka once, in order per key. */
@QuarkusTest
@TestProfile(TwoRelaysTest.RelayOff.class)
class TwoRelaysTest {
    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assistance.outbox.relay-enabled", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventPublisher publisher;

    @Inject
    OutboxConfig config;

    @Test
    void two_relays_on_one_outbox_publish_each_row_once() throws Exception {
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID key = UUID.randomUUID();
            keys.add(key);
            Fixtures.submit("burst", 100, key); // 100 events of one request, one transaction
        }
        assertThat(unsent()).isGreaterThanOrEqualTo(400);

        OutboxConfig smallBatches = new SmallBatches(config);
        OutboxRelay first = new OutboxRelay(dataSource, publisher, smallBatches, new SimpleMeterRegistry());
        OutboxRelay second = new OutboxRelay(dataSource, publisher, smallBatches, new SimpleMeterRegistry());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.of(drain(first), drain(second)));
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            assertThat(total).isGreaterThanOrEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(unsent()).isZero();

        for (UUID key : keys) {
            List<ConsumerRecord<String, byte[]>> records = BrokerClient.await(
                    Topics.REQUESTS, r -> key.toString().equals(r.key()), 100, Duration.ofSeconds(30));
            List<String> ids =
                    records.stream().map(r -> BrokerClient.header(r, "ce_id")).toList();
            assertThat(ids).as("each event id once").doesNotHaveDuplicates().hasSize(100);
            List<Integer> order = records.stream()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .map(json -> Integer.parseInt(json.replaceAll(".*\"title\":\"burst #(\\d+)\".*", "$1")))
                    .collect(Collectors.toList());
            assertThat(order).as("order of one request's events").isSorted();
        }
    }

    @Test
    void a_send_that_fails_at_once_stops_the_batch_so_later_events_of_a_request_do_not_overtake_it() throws Exception {
        UUID key = UUID.randomUUID();
        Fixtures.submit("first of three", 3, key);
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        EventPublisher failingFirst = new EventPublisher("unused:9092") {
            @Override
            public java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record) {
                sent.add(new String(record.value(), StandardCharsets.UTF_8));
                return java.util.concurrent.CompletableFuture.failedFuture(
                        new org.apache.kafka.common.errors.TimeoutException("no metadata while Kafka is away"));
            }

            @Override
            public void flush() {}
        };
        OutboxRelay relay =
                new OutboxRelay(dataSource, failingFirst, new SmallBatches(config), new SimpleMeterRegistry());

        org.assertj.core.api.Assertions.assertThatThrownBy(relay::publishBatch)
                .isInstanceOf(java.util.concurrent.ExecutionException.class);
        assertThat(sent).as("nothing sent after the failed record").hasSize(1);
        assertThat(unsent()).isGreaterThanOrEqualTo(3);
        // leave the table as the other test expects it: these rows are published by a real relay
        OutboxRelay real = new OutboxRelay(dataSource, publisher, new SmallBatches(config), new SimpleMeterRegistry());
        while (real.publishBatch() != 0) {
            Thread.onSpinWait();
        }
    }

    private static Callable<Integer> drain(OutboxRelay relay) {
        return () -> {
            int published = 0;
            int idle = 0;
            while (idle < 20) {
                int n = relay.publishBatch();
                if (n > 0) {
                    published += n;
                    idle = 0;
                } else {
                    idle++;
                    Thread.sleep(5);
                }
            }
            return published;
        };
    }

    private long unsent() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record SmallBatches(OutboxConfig defaults) implements OutboxConfig {
        @Override
        public boolean relayEnabled() {
            return false;
        }

        @Override
        public int batchSize() {
            return 25;
        }

        @Override
        public Duration pollInterval() {
            return defaults.pollInterval();
        }

        @Override
        public Duration retention() {
            return defaults.retention();
        }

        @Override
        public Duration maxBackoff() {
            return defaults.maxBackoff();
        }

        @Override
        public int maxEventBytes() {
            return defaults.maxEventBytes();
        }
    }
}
