package org.assistance.programservice.reviews;

import io.quarkus.test.junit.QuarkusTest;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** request-service's events, published on the real broker, drive the review queue. */
@QuarkusTest
class ReviewQueueTest {

    @Test
    void a_submitted_request_opens_a_review_case_and_urgent_ones_come_first() {
        UUID low = submit("LOW");
        UUID urgent = submit("URGENT");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.role("reviewer"))
                        .when().get("/api/v1/reviews?status=PENDING")
                        .then().statusCode(200)
                        .body("items.requestId", hasItem(low.toString()))
                        .body("items.requestId", hasItem(urgent.toString())));
        given().auth().oauth2(Tokens.role("reviewer"))
                .when().get("/api/v1/reviews?status=PENDING")
                .then().body("items[0].priority", equalTo("URGENT"));
    }

    @Test
    void a_withdrawn_request_leaves_the_queue() {
        UUID id = submit("HIGH");
        BrokerClient.send(CloudEvent.toRecord(new RequestWithdrawn(id, "agency-a", "no longer needed",
                OffsetDateTime.now()), UUID.randomUUID(), "/request-service", OffsetDateTime.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.role("reviewer"))
                        .when().get("/api/v1/reviews?status=WITHDRAWN")
                        .then().statusCode(200).body("items.requestId", hasItem(id.toString())));
        given().auth().oauth2(Tokens.role("reviewer"))
                .when().get("/api/v1/reviews?status=PENDING")
                .then().body("items.requestId", not(hasItem(id.toString())));
    }

    @Test
    void a_request_withdrawn_while_the_agency_was_asked_for_information_leaves_the_queue_and_takes_no_decision() {
        UUID id = submit("HIGH");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.role("reviewer"))
                .when().get("/api/v1/reviews/" + id).then().statusCode(200));
        DecidingOnRequestsTest.decide(id, "reviewer-ana", java.util.Map.of("decision", "REQUEST_INFORMATION",
                "questions", List.of("Which labs?"))).then().statusCode(200);
        BrokerClient.send(CloudEvent.toRecord(new RequestWithdrawn(id, "agency-a", "no longer needed",
                OffsetDateTime.now()), UUID.randomUUID(), "/request-service", OffsetDateTime.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.role("reviewer")).when().get("/api/v1/reviews/" + id)
                        .then().body("status", equalTo("WITHDRAWN")));
        given().auth().oauth2(Tokens.role("reviewer")).when().get("/api/v1/reviews?status=INFORMATION_REQUESTED&limit=100")
                .then().body("items.requestId", not(hasItem(id.toString())));
        DecidingOnRequestsTest.decide(id, "reviewer-ana", java.util.Map.of("decision", "REJECT",
                "reasonCode", "DUPLICATE")).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void the_queue_pages_with_a_cursor_without_repeating_a_case() {
        for (int i = 0; i < 3; i++) {
            submit("MEDIUM");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.role("reviewer")).when().get("/api/v1/reviews?limit=100")
                        .then().body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
        java.util.List<String> seen = new java.util.ArrayList<>();
        String next = "/api/v1/reviews?limit=2";
        while (next != null) {
            io.restassured.path.json.JsonPath page = given().auth().oauth2(Tokens.role("reviewer"))
                    .urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.requestId"));
            next = page.getString("next");
        }
        java.util.List<String> all = given().auth().oauth2(Tokens.role("reviewer")).when().get("/api/v1/reviews?limit=100")
                .then().extract().jsonPath().getList("items.requestId");
        org.assertj.core.api.Assertions.assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(all);
    }

    @Test
    void a_partner_cannot_see_the_review_queue() {
        given().auth().oauth2(Tokens.partner("agency-a"))
                .when().get("/api/v1/reviews")
                .then().statusCode(403).contentType("application/problem+json");
    }

    static UUID submit(String priority) {
        UUID id = UUID.randomUUID();
        RequestSubmitted submitted = new RequestSubmitted(id, "agency-a", "KE", null, "CYBERCRIME",
                Set.of("EQUIPMENT"), priority, "Forensic kits", "needs", LocalDate.now().plusMonths(3),
                List.of(new EquipmentLine("FOR-WB-001", 2, "labs")), List.of(), null, OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(submitted, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
        return id;
    }
}
