package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.assistance.chassis.deadletters.DeadLetterStore;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.fixture.FixtureConsumer;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An admin finds what a consumer could not handle, and replays it once its cause is fixed, or sets it
 * aside with a reason: through the real broker, the fixture consumer and the service's database.
 */
@QuarkusTest
class DeadLettersTest {
    private static final String ADMIN = Tokens.person("ada.admin", "admin");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeadLetterStore store;

    @Test
    void a_refused_event_is_listed_with_where_it_came_from_and_why_and_its_record_can_be_read() throws Exception {
        UUID request = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        publish(request, event, "poison for the list");

        JsonPath letter = awaitLetter(event);
        assertThat(letter.getString("consumer")).isEqualTo("fixture");
        assertThat(letter.getString("topic")).isEqualTo(Topics.REQUESTS);
        assertThat(letter.getInt("partition")).isGreaterThanOrEqualTo(0);
        assertThat(letter.getLong("offset")).isGreaterThanOrEqualTo(0);
        assertThat(letter.getString("eventType")).isEqualTo("assistance.request.submitted.v1");
        assertThat(letter.getString("reason")).isEqualTo("a poison title is refused by the domain");
        assertThat(letter.getString("status")).isEqualTo("PENDING");
        assertThat(letter.getString("deadLetteredAt")).isNotBlank();

        JsonPath record = given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/v1/admin/dead-letters/" + letter.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(record.getString("key")).isEqualTo(request.toString());
        assertThat(record.getString("value")).contains("poison for the list");
        assertThat(record.getList("recordHeaders.name")).contains("ce_id", "ce_type", "ce_source");
        assertThat(new String(
                        java.util.Base64.getDecoder().decode(record.getString("valueBase64")), StandardCharsets.UTF_8))
                .isEqualTo(record.getString("value"));
    }

    @Test
    void once_its_cause_is_fixed_a_replayed_event_is_handled_once_however_often_it_is_replayed() throws Exception {
        UUID request = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        publish(request, event, "refused until fixed");
        String id = awaitLetter(event).getString("id");

        // still broken: the replay fails again, nothing is written, the letter stays pending and says why
        given().auth()
                .oauth2(ADMIN)
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/replay")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("programme is not known here yet"));
        assertThat(handled(event)).isZero();
        JsonPath pending = letter(id);
        assertThat(pending.getString("status")).isEqualTo("PENDING");
        assertThat(pending.getInt("replayAttempts")).isEqualTo(1);
        assertThat(pending.getString("lastReplayFailure")).contains("programme is not known here yet");

        FixtureConsumer.CAUSES_FIXED.add(request);
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(ADMIN)
                    .when()
                    .post("/api/v1/admin/dead-letters/" + id + "/replay")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("REPLAYED"))
                    .body("resolution", equalTo("HANDLED"))
                    .body("resolvedBy", equalTo("ada.admin"));
        }
        assertThat(handled(event)).as("handled once for three replays").isEqualTo(1);
        assertThat(count("select count(*) from processed_events where event_id = ?", event))
                .isEqualTo(1);

        List<String> actions = given().auth()
                .oauth2(ADMIN)
                .queryParam("kind", "dead-letter")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.subject == '" + id + "' }.action");
        assertThat(actions).as("newest first").containsExactly("replayed", "replay-failed");
    }

    @Test
    void a_discarded_letter_keeps_its_first_reason_and_is_never_replayed() throws Exception {
        UUID request = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        publish(request, event, "poison to discard");
        String id = awaitLetter(event).getString("id");

        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/discard")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("reason"));
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body("{\"reason\":\"a test title from a training session, never a real request\"}")
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCARDED"))
                .body("resolution", equalTo("a test title from a training session, never a real request"));
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body("{\"reason\":\"another reason\"}")
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("resolution", equalTo("a test title from a training session, never a real request"));
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "fr")
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/replay")
                .then()
                .statusCode(409)
                .header("Content-Language", "fr")
                .body("detail", containsString("écartée"));
        assertThat(handled(event)).isZero();

        List<String> actions = given().auth()
                .oauth2(ADMIN)
                .queryParam("kind", "dead-letter")
                .queryParam("actor", "ada.admin")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.subject == '" + id + "' }.action");
        assertThat(actions).containsExactly("discarded");
    }

    @Test
    void only_admins_see_dead_letters_and_an_unknown_one_is_not_found() {
        given().when().get("/api/v1/admin/dead-letters").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .post("/api/v1/admin/dead-letters/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/v1/admin/dead-letters/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN)
                .queryParam("cursor", "not-ours")
                .when()
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(400);
    }

    @Test
    void a_record_parked_again_after_a_restart_is_kept_once() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                Topics.REQUESTS,
                0,
                Long.MAX_VALUE - System.nanoTime() % 1_000_000,
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                0,
                5,
                "key",
                "{bad}".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(),
                java.util.Optional.empty());
        store.keep(record, "restarted-consumer", "unreadable", "X");
        store.keep(record, "restarted-consumer", "unreadable", "X");
        assertThat(store.page(null, "restarted-consumer", null, null, 10).stream()
                        .filter(l -> l.offset() == record.offset()))
                .hasSize(1);
    }

    @Test
    void pages_follow_one_another_without_gaps_or_repeats() throws Exception {
        UUID request = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publish(request, first, "poison page one");
        publish(request, second, "poison page two");
        awaitLetter(first);
        awaitLetter(second);
        List<String> all = given().auth()
                .oauth2(ADMIN)
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        List<String> paged = new java.util.ArrayList<>();
        String next = "/api/v1/admin/dead-letters?limit=1";
        while (next != null) {
            var answer = given().auth()
                    .oauth2(ADMIN)
                    .when()
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract();
            paged.addAll(answer.jsonPath().getList("id"));
            String link = answer.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (next != null) {
                next = next.substring(next.indexOf("/api/"));
            }
        }
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void pending_dead_letters_are_a_metric_for_the_alert() throws Exception {
        UUID event = UUID.randomUUID();
        publish(UUID.randomUUID(), event, "poison for the metric");
        awaitLetter(event);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(given().when()
                                .get(SecurityTest.management("/metrics"))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()
                                .lines()
                                .filter(line -> line.startsWith("assistance_dead_letters_pending "))
                                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                                .sum())
                        .isGreaterThanOrEqualTo(1));
    }

    private static JsonPath awaitLetter(UUID event) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            List<java.util.Map<String, Object>> letters = given().auth()
                                    .oauth2(ADMIN)
                                    .queryParam("consumer", "fixture")
                                    .queryParam("topic", Topics.REQUESTS)
                                    .queryParam("limit", 1000)
                                    .when()
                                    .get("/api/v1/admin/dead-letters")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getList("findAll { it.eventId == '" + event + "' }");
                            return letters.isEmpty() ? null : new JsonPath(toJson(letters.get(0)));
                        },
                        java.util.Objects::nonNull);
    }

    private static String toJson(Object value) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    }

    private static JsonPath letter(String id) {
        return given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/v1/admin/dead-letters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("letter");
    }

    private static void publish(UUID request, UUID eventId, String title) {
        BrokerClient.send(CloudEvent.toRecord(
                Topics.REQUESTS,
                "assistance.request.submitted.v1",
                eventId,
                "/request-service",
                OffsetDateTime.now(),
                request.toString(),
                EventCodec.encodeAsString(new RequestSubmitted(
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
                                OffsetDateTime.now()))
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private long handled(UUID eventId) throws Exception {
        return count("select count(*) from fixture_handled where event_id = ?", eventId);
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
