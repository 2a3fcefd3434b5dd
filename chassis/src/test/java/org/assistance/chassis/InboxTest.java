package org.assistance.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.fixture.FixtureConsumer;
import org.assistance.chassis.inbox.DeadLetters;
import org.assistance.testsupport.BrokerClient;
import org.junit.jupiter.api.Test;

/** Events published by "another service" onto the real broker, consumed by the fixture consumer. */
@QuarkusTest
class InboxTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_same_event_delivered_twice_is_handled_once() throws Exception {
        UUID request = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publish(request, eventId, "assistance.request.submitted.v1", submitted(request, "twice"));
        publish(request, eventId, "assistance.request.submitted.v1", submitted(request, "twice"));
        UUID marker = UUID.randomUUID();
        publish(request, marker, "assistance.request.submitted.v1", submitted(request, "marker"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(marker) == 1);
        assertThat(handled(eventId)).isEqualTo(1);
    }

    @Test
    void a_garbage_record_goes_to_the_dead_letter_topic_and_the_next_good_one_is_still_handled() throws Exception {
        double deadLetteredBefore = deadLettered();
        UUID request = UUID.randomUUID();
        BrokerClient.send(
                Topics.REQUESTS,
                request.toString(),
                "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_source",
                        "/somewhere",
                        "ce_type",
                        "assistance.request.submitted.v1",
                        "content-type",
                        "application/json"));
        UUID good = UUID.randomUUID();
        publish(request, good, "assistance.request.submitted.v1", submitted(request, "good after garbage"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(good) == 1);
        List<ConsumerRecord<String, byte[]>> dead = BrokerClient.await(
                Topics.deadLetters(Topics.REQUESTS),
                r -> request.toString().equals(r.key()),
                1,
                Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(BrokerClient.header(dead.get(0), DeadLetters.REASON)).contains("not a valid");
        assertThat(BrokerClient.header(dead.get(0), DeadLetters.CONSUMER)).isEqualTo("fixture");
        assertThat(BrokerClient.header(dead.get(0), DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.REQUESTS);
        // counted once the dead letter is acknowledged, just after it reached the topic
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deadLettered())
                        .as("assistance_events_dead_lettered_total of this consumer and topic")
                        .isEqualTo(deadLetteredBefore + 1));
    }

    /** The dead-letter counter of the fixture consumer on assistance.requests, as Prometheus reads it (0 before the first). */
    private static double deadLettered() {
        String metrics = io.restassured.RestAssured.given()
                .when()
                .get(SecurityTest.management("/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("assistance_events_dead_lettered_total{"))
                .filter(line ->
                        line.contains("consumer=\"fixture\"") && line.contains("topic=\"" + Topics.REQUESTS + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void an_event_the_domain_refuses_is_dead_lettered_with_the_reason_and_nothing_is_written() throws Exception {
        UUID request = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        publish(request, poison, "assistance.request.submitted.v1", submitted(request, "poison pill"));
        UUID good = UUID.randomUUID();
        publish(request, good, "assistance.request.submitted.v1", submitted(request, "good after poison"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(good) == 1);
        List<ConsumerRecord<String, byte[]>> dead = BrokerClient.await(
                Topics.deadLetters(Topics.REQUESTS),
                r -> request.toString().equals(r.key()),
                1,
                Duration.ofSeconds(20));
        assertThat(BrokerClient.header(dead.get(0), DeadLetters.REASON))
                .isEqualTo("a poison title is refused by the domain");
        assertThat(handled(poison)).isZero();
        assertThat(processed(poison))
                .as("a refused event is not remembered as handled")
                .isZero();
    }

    @Test
    void a_refused_event_polled_with_good_ones_spoils_nothing_and_no_good_one_counts_twice() throws Exception {
        UUID request = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        BrokerClient.sendTogether(List.of(
                record(request, before, submitted(request, "good before poison")),
                record(request, poison, submitted(request, "poison in a batch")),
                record(request, after, submitted(request, "good after poison"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(after) == 1);
        assertThat(handled(before)).isEqualTo(1);
        assertThat(handled(poison)).isZero();
        assertThat(processed(poison)).isZero();
        assertThat(BrokerClient.await(
                        Topics.deadLetters(Topics.REQUESTS),
                        r -> request.toString().equals(r.key()),
                        1,
                        Duration.ofSeconds(20)))
                .hasSize(1);
    }

    @Test
    void an_event_whose_commit_fails_as_the_database_goes_away_is_handled_again_not_dead_lettered() throws Exception {
        // seen in DatabaseRestartIT: PostgreSQL stopped during a consumer's COMMIT and the event went to the
        // dead letters, so one request never reached reporting-service's read models
        UUID request = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        publish(request, event, "assistance.request.submitted.v1", submitted(request, "commit-fails-once"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(event) == 1);
        assertThat(FixtureConsumer.COMMIT_FAILED_ONCE)
                .as("its first commit failed")
                .contains(event);
        assertThat(processed(event)).isEqualTo(1);
        assertThat(BrokerClient.readAll(Topics.deadLetters(Topics.REQUESTS)).stream()
                        .map(r -> BrokerClient.header(r, "ce_id")))
                .as("dead letters")
                .doesNotContain(event.toString());
    }

    @Test
    void an_unknown_event_type_is_passed_by_not_dead_lettered() throws Exception {
        UUID request = UUID.randomUUID();
        publish(request, UUID.randomUUID(), "assistance.request.escalated.v9", "{\"requestId\":\"" + request + "\"}");
        UUID good = UUID.randomUUID();
        publish(request, good, "assistance.request.submitted.v1", submitted(request, "after unknown"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(good) == 1);
        assertThat(BrokerClient.readAll(Topics.deadLetters(Topics.REQUESTS)))
                .noneMatch(r -> request.toString().equals(r.key()));
    }

    @Test
    void a_type_the_consumer_has_no_handler_for_passes_by_unread() throws Exception {
        UUID request = UUID.randomUUID();
        // data that could not be decoded: read, it would be dead-lettered; passed by on its ce_type, it is not read
        publish(request, UUID.randomUUID(), "assistance.request.withdrawn.v1", "{not json");
        UUID good = UUID.randomUUID();
        publish(request, good, "assistance.request.submitted.v1", submitted(request, "after a type not handled"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(good) == 1);
        assertThat(BrokerClient.readAll(Topics.deadLetters(Topics.REQUESTS)))
                .noneMatch(r -> request.toString().equals(r.key()));
    }

    @Test
    void an_event_polled_twice_in_one_batch_is_handled_once() throws Exception {
        UUID request = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        BrokerClient.sendTogether(List.of(
                record(request, twice, submitted(request, "twice in a poll")),
                record(request, twice, submitted(request, "twice in a poll")),
                record(request, after, submitted(request, "after the twice"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(after) == 1);
        assertThat(handled(twice)).isEqualTo(1);
        assertThat(processed(twice)).isEqualTo(1);
    }

    @Test
    void unknown_fields_in_event_data_are_ignored() throws Exception {
        UUID request = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String json = submitted(request, "newer producer").replaceFirst("\\{", "{\"addedInV1_1\":42,");
        publish(request, id, "assistance.request.submitted.v1", json);
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(id) == 1);
    }

    @Test
    void
            a_record_on_assistance_requests_whose_source_is_not_request_service_goes_to_the_dead_letters_and_changes_nothing()
                    throws Exception {
        UUID request = UUID.randomUUID();
        UUID forged = UUID.randomUUID();
        BrokerClient.send(CloudEvent.toRecord(
                Topics.REQUESTS,
                "assistance.request.submitted.v1",
                forged,
                "/program-service",
                OffsetDateTime.now(),
                request.toString(),
                submitted(request, "forged").getBytes(StandardCharsets.UTF_8)));
        UUID good = UUID.randomUUID();
        publish(request, good, "assistance.request.submitted.v1", submitted(request, "from its owner"));

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(good) == 1);
        List<ConsumerRecord<String, byte[]>> dead = BrokerClient.await(
                Topics.deadLetters(Topics.REQUESTS),
                r -> request.toString().equals(r.key()),
                1,
                Duration.ofSeconds(20));
        assertThat(BrokerClient.header(dead.get(0), "ce_id")).isEqualTo(forged.toString());
        assertThat(BrokerClient.header(dead.get(0), DeadLetters.REASON))
                .contains("/program-service")
                .contains("/request-service");
        assertThat(handled(forged)).isZero();
        assertThat(processed(forged)).isZero();
    }

    static String submitted(UUID request, String title) {
        return EventCodec.encodeAsString(new RequestSubmitted(
                request,
                "agency-a",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("TRAINING"),
                "HIGH",
                title,
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                OffsetDateTime.now()));
    }

    static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(
            UUID request, UUID eventId, String json) {
        return CloudEvent.toRecord(
                Topics.REQUESTS,
                "assistance.request.submitted.v1",
                eventId,
                "/request-service",
                OffsetDateTime.now(),
                request.toString(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    static void publish(UUID request, UUID eventId, String type, String json) {
        BrokerClient.send(CloudEvent.toRecord(
                Topics.REQUESTS,
                type,
                eventId,
                "/request-service",
                OffsetDateTime.now(),
                request.toString(),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    private long handled(UUID eventId) throws Exception {
        return count("select count(*) from fixture_handled where event_id = ?", eventId);
    }

    private long processed(UUID eventId) throws Exception {
        return count("select count(*) from processed_events where event_id = ?", eventId);
    }

    private long count(String sql, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
