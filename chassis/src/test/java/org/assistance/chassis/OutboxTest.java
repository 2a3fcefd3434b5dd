package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.KafkaBroker;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_committed_change_publishes_exactly_one_cloud_event_with_every_header() {
        UUID id = Fixtures.submit("one event");

        List<ConsumerRecord<String, byte[]>> records =
                BrokerClient.await(Topics.REQUESTS, r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(20));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(BrokerClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(BrokerClient.header(record, "ce_id"))).isNotNull();
        assertThat(BrokerClient.header(record, "ce_source")).isEqualTo("/chassis-test");
        assertThat(BrokerClient.header(record, "ce_type")).isEqualTo("assistance.request.submitted.v1");
        assertThat(OffsetDateTime.parse(BrokerClient.header(record, "ce_time"))).isNotNull();
        assertThat(BrokerClient.header(record, "ce_subject")).isEqualTo(id.toString());
        assertThat(BrokerClient.header(record, "content-type")).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"requestId\":\"" + id + "\"")
                .contains("\"title\":\"one event\"");
    }

    @Test
    void a_rolled_back_change_leaves_no_event() throws Exception {
        UUID rolledBack = UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"never happened\"}")
                .queryParam("id", rolledBack)
                .queryParam("failAfterRecording", true)
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(422);
        // a later committed event of the same key is published; the rolled-back one never is
        UUID later = Fixtures.submit("after the rollback", 1, rolledBack);

        List<ConsumerRecord<String, byte[]>> records = BrokerClient.await(
                Topics.REQUESTS, r -> rolledBack.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(later).isEqualTo(rolledBack);
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).contains("after the rollback");
        assertThat(outboxRows(rolledBack)).isEqualTo(1);
    }

    @Test
    void events_recorded_while_kafka_is_down_are_published_in_order_once_it_is_back() throws Exception {
        UUID id = UUID.randomUUID();
        KafkaBroker broker = KafkaBroker.shared();
        broker.stop();
        try {
            // the service keeps accepting changes: the outbox holds the events
            for (int i = 0; i < 5; i++) {
                Fixtures.submit("while down " + i, 1, id);
            }
            assertThat(unsentRows(id)).isEqualTo(5);
        } finally {
            broker.start();
        }

        // every row gone from the outbox means Kafka acknowledged it: the topic now holds all there will ever be
        await().atMost(Duration.ofSeconds(60)).until(() -> unsentRows(id) == 0);
        List<ConsumerRecord<String, byte[]>> published = BrokerClient.readAll(Topics.REQUESTS).stream()
                .filter(r -> id.toString().equals(r.key()))
                .toList();
        List<String> titles = published.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .map(json -> json.replaceAll(".*\"title\":\"([^\"]*)\".*", "$1"))
                .toList();
        assertThat(titles)
                .as("each event published once, in the order recorded")
                .containsExactly("while down 0", "while down 1", "while down 2", "while down 3", "while down 4");
        assertThat(published).extracting(r -> BrokerClient.header(r, "ce_id")).doesNotHaveDuplicates();
    }

    @Test
    void a_published_event_leaves_the_outbox_and_a_note_of_it_stays() throws Exception {
        UUID id = Fixtures.submit("published and noted");

        List<ConsumerRecord<String, byte[]>> records =
                BrokerClient.await(Topics.REQUESTS, r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(20));

        // removed in the transaction that had Kafka acknowledge it: the outbox holds only what is still to publish
        await().atMost(Duration.ofSeconds(20)).until(() -> unsentRows(id) == 0);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select event_id, event_type, sent_at >= occurred_at from outbox_published where event_key = ?")) {
            s.setString(1, id.toString());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(BrokerClient.header(records.get(0), "ce_id"));
                assertThat(rs.getString(2)).isEqualTo("assistance.request.submitted.v1");
                assertThat(rs.getBoolean(3)).isTrue();
                assertThat(rs.next()).as("one note per event").isFalse();
            }
        }
    }

    /** Rows recorded for the key: still in the outbox or published. */
    private long outboxRows(UUID key) throws Exception {
        return count(
                "select count(*) from (select event_key from outbox union all select event_key from outbox_published) r"
                        + " where event_key = ?",
                key);
    }

    /** A row stays in the outbox until Kafka has acknowledged it. */
    private long unsentRows(UUID key) throws Exception {
        return count("select count(*) from outbox where event_key = ?", key);
    }

    private long count(String sql, UUID key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void an_event_kafka_refuses_for_good_is_set_aside_and_the_events_after_it_flow() throws Exception {
        UUID stuck = UUID.randomUUID();
        // larger than the producer's max.request.size (1 MiB): Kafka will never take it; written
        // directly, as a row recorded before the size check or under a larger limit would be
        String huge = "{\"requestId\":\"" + stuck + "\",\"title\":\"" + "x".repeat(1_200_000) + "\"}";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox (event_id, topic, event_key, event_type, source, occurred_at, payload)
                     values (?, ?, ?, 'assistance.request.submitted.v1', '/chassis-test', now(), ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Topics.REQUESTS);
            insert.setString(3, stuck.toString());
            insert.setString(4, huge);
            insert.executeUpdate();
        }
        UUID after = Fixtures.submit("recorded after the refused one");

        assertThat(BrokerClient.await(
                        Topics.REQUESTS, r -> after.toString().equals(r.key()), 1, Duration.ofSeconds(20)))
                .hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(outboxRows(stuck)).isZero();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select =
                            connection.prepareStatement("select reason from outbox_set_aside where event_key = ?")) {
                select.setString(1, stuck.toString());
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).contains("RecordTooLarge");
                }
            }
        });
    }

    @Test
    void a_change_that_would_announce_an_event_larger_than_kafka_carries_is_refused_whole() {
        UUID id = UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                                .run(() ->
                                        outbox.record(new org.assistance.chassis.events.RequestEvents.RequestSubmitted(
                                                id,
                                                "agency-a",
                                                "KE",
                                                null,
                                                "CYBERCRIME",
                                                java.util.Set.of("TRAINING"),
                                                "HIGH",
                                                "t".repeat(950_000),
                                                "needs",
                                                null,
                                                List.of(),
                                                List.of(),
                                                null,
                                                OffsetDateTime.now()))))
                .isInstanceOf(org.assistance.chassis.problems.DomainRuleViolation.class)
                .hasMessageContaining("900000 bytes");
    }

    @Inject
    org.assistance.chassis.outbox.Outbox outbox;
}
