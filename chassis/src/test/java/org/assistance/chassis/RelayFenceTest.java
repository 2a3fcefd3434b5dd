package org.assistance.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.outbox.EventPublisher;
import org.assistance.chassis.outbox.OutboxConfig;
import org.assistance.chassis.outbox.OutboxRelay;
import org.assistance.chassis.outbox.RelayFence;
import org.assistance.testsupport.BrokerClient;
import org.junit.jupiter.api.Test;

/**
 * A backup fences the relays with {@link RelayFence#LOCK}, held in a session of its own: no relay
 * publishes while it is held, and once it is released everything that waited is published, in order.
 */
@QuarkusTest
@TestProfile(TwoRelaysTest.RelayOff.class)
class RelayFenceTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventPublisher publisher;

    @Inject
    OutboxConfig config;

    @Test
    void while_a_backup_holds_the_fence_no_event_leaves_the_outbox_and_afterwards_all_do_in_order() throws Exception {
        OutboxRelay relay = new OutboxRelay(dataSource, publisher, config, new SimpleMeterRegistry());
        drain(relay); // whatever an earlier test left
        UUID request = UUID.randomUUID();

        try (Connection backup = dataSource.getConnection()) {
            execute(backup, "select pg_advisory_lock(" + RelayFence.LOCK + ")");
            try {
                // written while fenced, as API writes go on during a backup: the events wait beside them
                Fixtures.submit("fenced", 30, request);
                for (int attempt = 0; attempt < 5; attempt++) {
                    assertThat(relay.publishBatch())
                            .as("a fenced relay publishes nothing")
                            .isEqualTo(OutboxRelay.LOCK_BUSY);
                }
                assertThat(unsent()).as("the events wait in the outbox").isGreaterThanOrEqualTo(30);
                assertThat(onTheTopic(request))
                        .as("nothing of the request reached Kafka")
                        .isEmpty();
            } finally {
                // a pooled connection keeps a session's lock: let go before it returns to the pool
                execute(backup, "select pg_advisory_unlock(" + RelayFence.LOCK + ")");
            }
        }

        drain(relay);
        assertThat(unsent()).isZero();
        List<ConsumerRecord<String, byte[]>> records = BrokerClient.await(
                Topics.REQUESTS, r -> request.toString().equals(r.key()), 30, Duration.ofSeconds(30));
        List<Integer> order = records.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .map(json -> Integer.parseInt(json.replaceAll(".*\"title\":\"fenced #(\\d+)\".*", "$1")))
                .toList();
        assertThat(order)
                .as("the request's events, each once, in their recorded order")
                .hasSize(30)
                .isSorted();
        assertThat(records.stream().map(r -> BrokerClient.header(r, "ce_id"))).doesNotHaveDuplicates();
    }

    private List<ConsumerRecord<String, byte[]>> onTheTopic(UUID request) {
        return BrokerClient.readAll(Topics.REQUESTS).stream()
                .filter(r -> request.toString().equals(r.key()))
                .toList();
    }

    private static void drain(OutboxRelay relay) throws Exception {
        while (relay.publishBatch() != 0) {
            Thread.onSpinWait();
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement s = connection.createStatement();
                ResultSet ignored = s.executeQuery(sql)) {
            // the lock functions answer a row; the lock is the session's until unlocked or closed
        }
    }

    private long unsent() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
