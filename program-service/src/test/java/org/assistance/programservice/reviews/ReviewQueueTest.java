package org.assistance.programservice.reviews;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** request-service's events, published on the real broker, drive the review queue. */
@QuarkusTest
class ReviewQueueTest {

    @Test
    void a_submitted_request_opens_a_review_case_and_urgent_ones_come_first() {
        UUID low = submit("LOW");
        UUID high = submit("HIGH");
        UUID urgent = submit("URGENT");

        // these three cases, not whatever earlier tests left in the queue
        for (UUID id : List.of(low, high, urgent)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(Tokens.role("reviewer"))
                            .when()
                            .get("/api/v1/reviews/" + id)
                            .then()
                            .statusCode(200)
                            .body("status", equalTo("PENDING")));
        }
        List<String> pending = queue("PENDING");
        // the most urgent first, although submitted last; the whole queue by priority
        assertThat(pending).containsSubsequence(urgent.toString(), high.toString(), low.toString());
        List<Integer> ranks = pages("/api/v1/reviews?status=PENDING&limit=100", "items.priority").stream()
                .map(priority -> List.of("URGENT", "HIGH", "MEDIUM", "LOW").indexOf(priority))
                .toList();
        assertThat(ranks).hasSameSizeAs(pending).isSorted();
    }

    @Test
    void a_withdrawn_request_leaves_the_queue() {
        UUID id = submit("HIGH");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("reviewer"))
                        .when()
                        .get("/api/v1/reviews/" + id)
                        .then()
                        .statusCode(200));
        assertThat(queue("PENDING")).contains(id.toString());
        BrokerClient.send(CloudEvent.toRecord(
                new RequestWithdrawn(id, "agency-a", "no longer needed", OffsetDateTime.now()),
                UUID.randomUUID(),
                "/request-service",
                OffsetDateTime.now()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("reviewer"))
                        .when()
                        .get("/api/v1/reviews/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("WITHDRAWN")));
        assertThat(queue("WITHDRAWN")).contains(id.toString());
        assertThat(queue("PENDING")).doesNotContain(id.toString());
    }

    @Test
    void a_request_withdrawn_while_the_agency_was_asked_for_information_leaves_the_queue_and_takes_no_decision() {
        UUID id = submit("HIGH");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("reviewer"))
                        .when()
                        .get("/api/v1/reviews/" + id)
                        .then()
                        .statusCode(200));
        DecidingOnRequestsTest.decide(
                        id,
                        "reviewer-ana",
                        java.util.Map.of("decision", "REQUEST_INFORMATION", "questions", List.of("Which labs?")))
                .then()
                .statusCode(200);
        BrokerClient.send(CloudEvent.toRecord(
                new RequestWithdrawn(id, "agency-a", "no longer needed", OffsetDateTime.now()),
                UUID.randomUUID(),
                "/request-service",
                OffsetDateTime.now()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("reviewer"))
                        .when()
                        .get("/api/v1/reviews/" + id)
                        .then()
                        .body("status", equalTo("WITHDRAWN")));
        assertThat(queue("INFORMATION_REQUESTED")).doesNotContain(id.toString());
        DecidingOnRequestsTest.decide(
                        id, "reviewer-ana", java.util.Map.of("decision", "REJECT", "reasonCode", "DUPLICATE"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void the_queue_pages_with_a_cursor_without_repeating_a_case() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(submit("MEDIUM").toString());
        }
        for (String id : mine) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(Tokens.role("reviewer"))
                            .when()
                            .get("/api/v1/reviews/" + id)
                            .then()
                            .statusCode(200));
        }
        List<String> seen = pages("/api/v1/reviews?limit=2", "items.requestId");
        // at least two pages: the three cases alone fill more than one
        assertThat(seen)
                .hasSizeGreaterThan(2)
                .doesNotHaveDuplicates()
                .containsAll(mine)
                .containsExactlyElementsOf(queue("PENDING"));
        assertThat(seen).containsSubsequence(mine);
    }

    @Test
    void a_partner_cannot_see_the_review_queue() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/reviews")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    /** Every case in a status, in the queue's order, following the pages to the last. */
    static List<String> queue(String status) {
        return pages("/api/v1/reviews?status=" + status + "&limit=100", "items.requestId");
    }

    /** One field of every case, from the first page to the last. */
    private static List<String> pages(String first, String field) {
        List<String> ids = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonPath page = given().auth()
                    .oauth2(Tokens.role("reviewer"))
                    .urlEncodingEnabled(false)
                    .when()
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            ids.addAll(page.getList(field));
            next = page.getString("next");
        }
        return ids;
    }

    static UUID submit(String priority) {
        UUID id = UUID.randomUUID();
        RequestSubmitted submitted = new RequestSubmitted(
                id,
                "agency-a",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                priority,
                "Forensic kits",
                "needs",
                LocalDate.now().plusMonths(3),
                List.of(new EquipmentLine("FOR-WB-001", 2, "labs")),
                List.of(),
                null,
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(submitted, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
        return id;
    }
}
