package org.assistance.programservice.reviews;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Decisions and the queue with inputs at and beyond their bounds: a 4xx naming the field, never a 500. */
@QuarkusTest
class DecisionsWithinBoundsTest {

    @Test
    void
            a_training_planned_a_billion_years_ahead_or_before_2000_is_refused_naming_the_dates_and_nothing_is_committed() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        Map<String, Object> approval = new HashMap<>(Scenario.approval(programme, "20000.00", 4, false));
        approval.put(
                "trainings",
                List.of(Map.of(
                        "topic",
                        "Mobile forensics",
                        "participants",
                        20,
                        "plannedStart",
                        "+999999999-12-01",
                        "plannedEnd",
                        "+999999999-12-31")));
        approval.put(
                "activities",
                List.of(Map.of(
                        "kind",
                        "ADVISORY_MISSION",
                        "title",
                        "Bill review",
                        "participants",
                        0,
                        "plannedStart",
                        "1999-12-31",
                        "plannedEnd",
                        LocalDate.now().plusYears(10).plusDays(1).toString())));
        DecidingOnRequestsTest.decide(request, "reviewer-ana", approval)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "trainings[0].plannedStart",
                                "trainings[0].plannedEnd",
                                "activities[0].plannedStart",
                                "activities[0].plannedEnd"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(0.0f));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("PENDING"));
    }

    @Test
    void a_planned_end_before_the_start_an_activity_gets_without_a_planned_start_is_refused() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        Map<String, Object> approval = new HashMap<>(Scenario.approval(programme, "20000.00", 4, false));
        approval.put(
                "trainings",
                List.of(Map.of(
                        "topic",
                        "Mobile forensics",
                        "participants",
                        20,
                        "plannedEnd",
                        LocalDate.now().plusDays(10).toString())));
        DecidingOnRequestsTest.decide(request, "reviewer-ana", approval)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("trainings[0].plannedEnd"));
        approval.put(
                "trainings",
                List.of(Map.of(
                        "topic",
                        "Mobile forensics",
                        "participants",
                        20,
                        "plannedEnd",
                        LocalDate.now().plusDays(60).toString())));
        DecidingOnRequestsTest.decide(request, "reviewer-ana", approval).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body(
                        "find { it.kind == 'TRAINING_COURSE' }.plannedEnd",
                        equalTo(LocalDate.now().plusDays(60).toString()));
    }

    @Test
    void a_forged_cursor_far_in_time_or_an_overlong_one_is_refused_naming_the_cursor() {
        for (String time : List.of("+999999-01-01T00:00Z", "-99999-01-01T00:00Z", "1969-12-31T23:59Z")) {
            String forged = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("1|" + time + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            given().auth()
                    .oauth2(Tokens.role("reviewer"))
                    .queryParam("cursor", forged)
                    .when()
                    .get("/api/v1/reviews")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("cursor"));
        }
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .queryParam("cursor", "A".repeat(201))
                .when()
                .get("/api/v1/reviews")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void the_next_page_repeats_only_the_queues_own_parameters() {
        Scenario.submittedRequest();
        Scenario.submittedRequest();
        String next = given().auth()
                .oauth2(Tokens.role("reviewer"))
                .queryParam("limit", 1)
                .queryParam("status", "PENDING")
                .queryParam("unknown", "x".repeat(2000))
                .when()
                .get("/api/v1/reviews")
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        assertThat(next)
                .isNotNull()
                .contains("limit=1", "status=PENDING", "cursor=")
                .doesNotContain("unknown")
                .hasSizeLessThan(2048);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .urlEncodingEnabled(false)
                .when()
                .get(next)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("next", not(containsString("unknown")));
    }

    @Test
    void reviewers_deciding_on_the_same_request_at_once_get_one_decision_and_conflicts_never_a_500() throws Exception {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String reviewer = "reviewer-at-once-" + i;
            Map<String, Object> decision = i % 3 == 2
                    ? Map.of("decision", "REJECT", "reasonCode", "DUPLICATE")
                    : Scenario.approval(programme, "1000.00", 1, false);
            calls.add(() ->
                    DecidingOnRequestsTest.decide(request, reviewer, decision).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        String status = given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .extract()
                .path("status");
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo("APPROVED".equals(status) ? 1000.00f : 0.0f));
    }
}
