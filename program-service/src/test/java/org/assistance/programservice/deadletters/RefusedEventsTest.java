package org.assistance.programservice.deadletters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What program-service's consumers refuse is parked, not lost: an admin finds it, reads the record
 * and sets it aside with a reason, which the audit trail keeps. Through the real broker.
 */
@QuarkusTest
class RefusedEventsTest {
    private static final String ADMIN = Tokens.person("ana.admin", "admin");

    @Test
    void a_request_event_forged_by_another_service_is_parked_read_discarded_with_its_reason_and_never_replayed() {
        UUID request = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        // a request "submitted" on request-service's topic, but published as equipment-service
        BrokerClient.send(CloudEvent.toRecord(
                new RequestSubmitted(
                        request,
                        "agency-ke",
                        "KE",
                        null,
                        "CYBERCRIME",
                        Set.of("TRAINING"),
                        "HIGH",
                        "Forged request",
                        "needs",
                        LocalDate.now().plusMonths(6),
                        List.of(),
                        List.of(new TrainingNeed("Mobile forensics", 20)),
                        new Money(new BigDecimal("40000.00"), "USD"),
                        OffsetDateTime.now()),
                event,
                "/equipment-service",
                OffsetDateTime.now()));

        String letter = "find { it.eventId == '" + event + "' }";
        await().atMost(Duration.ofSeconds(30)).until(() -> letters().getString(letter + ".id") != null);
        JsonPath listed = letters();
        String id = listed.getString(letter + ".id");
        assertThat(listed.getString(letter + ".consumer")).isEqualTo("review-cases");
        assertThat(listed.getString(letter + ".topic")).isEqualTo(Topics.REQUESTS);
        assertThat(listed.getString(letter + ".eventType")).isEqualTo("assistance.request.submitted.v1");
        assertThat(listed.getString(letter + ".reason")).contains("/equipment-service", "/request-service");
        assertThat(listed.getString(letter + ".status")).isEqualTo("PENDING");
        // refused: no review case was opened from it
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .statusCode(404);

        JsonPath record = given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/v1/admin/dead-letters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(record.getString("letter.id")).isEqualTo(id);
        assertThat(record.getString("key")).isEqualTo(request.toString());
        assertThat(record.getString("value")).contains("Forged request");
        assertThat(record.getString("recordHeaders.find { it.name == 'ce_source' }.value"))
                .isEqualTo("/equipment-service");

        // only an admin sets a letter aside
        discard(Tokens.role("reviewer"), id, "not mine to judge").then().statusCode(403);
        discard(ADMIN, id, "forged: equipment-service does not submit requests")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCARDED"))
                .body("resolvedBy", equalTo("ana.admin"))
                .body("resolution", equalTo("forged: equipment-service does not submit requests"));

        JsonPath audited = given().auth()
                .oauth2(ADMIN)
                .queryParam("kind", "dead-letter")
                .queryParam("actor", "ana.admin")
                .when()
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String entry = "find { it.subject == '" + id + "' }";
        assertThat(audited.getList("findAll { it.subject == '" + id + "' }.action"))
                .containsExactly("discarded");
        assertThat(audited.getString(entry + ".before.status")).isEqualTo("PENDING");
        assertThat(audited.getString(entry + ".after.status")).isEqualTo("DISCARDED");
        assertThat(audited.getString(entry + ".after.resolution"))
                .isEqualTo("forged: equipment-service does not submit requests");

        // set aside for good: a replay is refused and handles nothing
        given().auth()
                .oauth2(ADMIN)
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/replay")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .statusCode(404);
        assertThat(Scenario.count("select count(*) from processed_events where event_id = ?1", event))
                .isZero();
    }

    private static JsonPath letters() {
        return given().auth()
                .oauth2(ADMIN)
                .queryParam("consumer", "review-cases")
                .queryParam("topic", Topics.REQUESTS)
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.Response discard(String token, String id, String reason) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .when()
                .post("/api/v1/admin/dead-letters/" + id + "/discard");
    }
}
