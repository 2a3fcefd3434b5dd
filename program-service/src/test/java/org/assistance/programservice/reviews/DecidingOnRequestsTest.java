package org.assistance.programservice.reviews;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.Topics;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecidingOnRequestsTest {

    @Test
    void a_full_approval_commits_funds_plans_activities_and_publishes_both_events() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();
        decide(request, "reviewer-ana", Scenario.approval(programme, "30000.00", 4, true))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("pendingApproval", nullValue())
                .body("decidedBy", equalTo(List.of("reviewer-ana")));

        List<ConsumerRecord<String, byte[]>> events =
                BrokerClient.await(Topics.REVIEWS, r -> request.toString().equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(events)
                .extracting(r -> BrokerClient.header(r, "ce_type"))
                .containsExactly("assistance.funds.committed.v1", "assistance.review.approved.v1");
        String approved = new String(events.get(1).value(), StandardCharsets.UTF_8);
        assertThat(approved)
                .contains(
                        "\"partial\":false",
                        "\"programmeCode\":\"" + programme + "\"",
                        "\"donorId\":\"donor-" + programme.toLowerCase() + "\"",
                        "\"approvedBy\":[\"reviewer-ana\"]",
                        "\"kind\":\"TRAINING_COURSE\"",
                        "\"kind\":\"NEEDS_ASSESSMENT\"");
        String committed = new String(events.get(0).value(), StandardCharsets.UTF_8);
        assertThat(committed)
                .contains(
                        "\"split\":[{\"donorId\":\"donor-" + programme.toLowerCase() + "\"",
                        "\"amount\":{\"amount\":30000.00,\"currency\":\"USD\"}");
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(30000.00f))
                .body("available.amount", equalTo(70000.00f))
                .body("donors[0].committed.amount", equalTo(30000.00f));
        // the training approved, and the needs assessment the agency asked for
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body("$", hasSize(2))
                .body("kind", containsInAnyOrder("TRAINING_COURSE", "NEEDS_ASSESSMENT"))
                .body("status", everyItem(equalTo("PLANNED")))
                .body("programmeCode", everyItem(equalTo(programme)))
                .body("find { it.kind == 'TRAINING_COURSE' }.expectedParticipants", equalTo(20));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void approving_fewer_units_or_trainings_than_asked_is_a_partial_approval() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();
        decide(request, "reviewer-ana", Scenario.approval(programme, "10000.00", 2, false))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        var approved = BrokerClient.await(
                Topics.REVIEWS,
                r -> request.toString().equals(r.key())
                        && "assistance.review.approved.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(approved.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"partial\":true", "\"equipmentLines\":[{\"itemCode\":\"FOR-WB-001\",\"quantity\":2");
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(10000.00f));
        // no training approved: only the needs assessment is planned
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body("kind", equalTo(List.of("NEEDS_ASSESSMENT")));
    }

    @Test
    void approving_more_than_asked_or_under_an_unknown_programme_is_refused_and_nothing_is_committed() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();
        decide(request, "reviewer-ana", Scenario.approval(programme, "1000.00", 5, false))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("equipmentLines[0].quantity"));
        decide(request, "reviewer-ana", Scenario.approval("NOSUCH", "1000.00", 1, false))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        decide(
                        request,
                        "reviewer-ana",
                        Map.of(
                                "decision",
                                "APPROVE",
                                "programmeCode",
                                programme,
                                "approvedAmount",
                                Map.of("amount", "1000.00", "currency", "EUR"),
                                "equipmentLines",
                                List.of(Map.of("itemCode", "FOR-WB-001", "quantity", 1))))
                .then()
                .statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("EUR"));
        decide(
                        request,
                        "reviewer-ana",
                        Map.of(
                                "decision",
                                "APPROVE",
                                "programmeCode",
                                programme,
                                "approvedAmount",
                                Map.of("amount", "-1", "currency", "USD")))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("approvedAmount.amount"));
        decide(request, "reviewer-ana", Scenario.approval(programme, "100000.01", 1, false))
                .then()
                .statusCode(409)
                .body("type", equalTo("https://assistance.example/problems/insufficient-funds"));
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
        assertThat(Scenario.recordedEvents(request)).isEmpty();
    }

    @Test
    void a_rejection_needs_a_reason_and_is_published() {
        UUID request = Scenario.submittedRequest();
        decide(request, "reviewer-ana", Map.of("decision", "REJECT"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reasonCode"));
        decide(request, "reviewer-ana", Map.of("decision", "REJECT", "reasonCode", "OTHER"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        decide(
                        request,
                        "reviewer-ana",
                        Map.of(
                                "decision",
                                "REJECT",
                                "reasonCode",
                                "OUT_OF_MANDATE",
                                "comment",
                                "Terrorism financing is handled by another programme"))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        var rejected = BrokerClient.await(
                Topics.REVIEWS,
                r -> request.toString().equals(r.key())
                        && "assistance.review.rejected.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(rejected.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"reasonCode\":\"OUT_OF_MANDATE\"",
                        "\"rejectedBy\":\"reviewer-ana\"",
                        "\"comment\":\"Terrorism financing is handled by another programme\"");
        decide(request, "reviewer-bo", Map.of("decision", "REQUEST_INFORMATION", "questions", List.of("Why?")))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already REJECTED"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo(List.of("reviewer-ana")));
        assertThat(Scenario.recordedEvents(request)).containsExactly("assistance.review.rejected.v1");
    }

    @Test
    void asking_for_information_needs_questions_and_is_published() {
        UUID request = Scenario.submittedRequest();
        decide(request, "reviewer-ana", Map.of("decision", "REQUEST_INFORMATION"))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("questions")));
        decide(
                        request,
                        "reviewer-ana",
                        Map.of(
                                "decision",
                                "REQUEST_INFORMATION",
                                "questions",
                                List.of("How many examiners will use the kits?")))
                .then()
                .statusCode(200)
                .body("status", equalTo("INFORMATION_REQUESTED"));
        var events =
                BrokerClient.await(Topics.REVIEWS, r -> request.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(BrokerClient.header(events.get(0), "ce_type"))
                .isEqualTo("assistance.review.information-requested.v1");
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"questions\":[\"How many examiners will use the kits?\"]",
                        "\"requestedBy\":\"reviewer-ana\"");
        assertThat(ReviewQueueTest.queue("INFORMATION_REQUESTED")).contains(request.toString());
        assertThat(ReviewQueueTest.queue("PENDING")).doesNotContain(request.toString());
    }

    @Test
    void a_withdrawn_request_cannot_be_approved() {
        String programme = Scenario.fundedProgramme("1000.00");
        UUID request = Scenario.submittedRequest();
        BrokerClient.send(CloudEvent.toRecord(
                new RequestWithdrawn(request, "agency-ke", "no longer needed", OffsetDateTime.now()),
                UUID.randomUUID(),
                "/request-service",
                OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("reviewer"))
                        .when()
                        .get("/api/v1/reviews/" + request)
                        .then()
                        .body("status", equalTo("WITHDRAWN")));
        decide(request, "reviewer-ana", Scenario.approval(programme, "100.00", 1, false))
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("withdrawn"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(0.0f));
        assertThat(Scenario.recordedEvents(request)).isEmpty();
    }

    @Test
    void an_approval_naming_nothing_that_could_be_delivered_is_refused() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();
        decide(
                        request,
                        "reviewer-ana",
                        Map.of(
                                "decision",
                                "APPROVE",
                                "programmeCode",
                                programme,
                                "approvedAmount",
                                Map.of("amount", "1000.00", "currency", "USD"),
                                "equipmentLines",
                                List.of(),
                                "trainings",
                                List.of(),
                                "activities",
                                List.of()))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("could never be delivered"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("PENDING"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(0.0f));
    }

    @Test
    void an_approval_naming_an_item_unknown_to_the_catalogue_or_withdrawn_from_it_is_refused_naming_the_line() {
        String suffix = Integer.toHexString(UUID.randomUUID().hashCode()).toUpperCase();
        String withdrawn = "OLD-" + suffix;
        String unknown = "NEVER-" + suffix;
        Scenario.catalogued("FOR-WB-001", withdrawn);
        Scenario.withdrawn(withdrawn, "superseded by a newer model");
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submitted(
                "KE",
                java.util.Set.of("EQUIPMENT"),
                List.of(
                        new org.assistance.chassis.events.Values.EquipmentLine("FOR-WB-001", 2, "labs"),
                        new org.assistance.chassis.events.Values.EquipmentLine(withdrawn, 1, "labs"),
                        new org.assistance.chassis.events.Values.EquipmentLine(unknown, 1, "labs")),
                List.of());
        Map<String, Object> all = Map.of(
                "decision",
                "APPROVE",
                "programmeCode",
                programme,
                "approvedAmount",
                Map.of("amount", "5000.00", "currency", "USD"),
                "equipmentLines",
                List.of(
                        Map.of("itemCode", "FOR-WB-001", "quantity", 2),
                        Map.of("itemCode", withdrawn, "quantity", 1),
                        Map.of("itemCode", unknown, "quantity", 1)));
        decide(request, "reviewer-ana", all)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("equipmentLines[1].itemCode", "equipmentLines[2].itemCode")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("withdrawn"))
                .body("errors[1].message", org.hamcrest.Matchers.containsString("not in the catalogue"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(0.0f));
        // what a reviewer may approve is listed: the withdrawn item is not
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/catalogue")
                .then()
                .statusCode(200)
                .body("itemCode", org.hamcrest.Matchers.hasItem("FOR-WB-001"))
                .body("itemCode", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(withdrawn)));

        // the catalogue publishes the item again: now it may be approved
        Scenario.catalogued(withdrawn);
        decide(
                        request,
                        "reviewer-ana",
                        Map.of(
                                "decision",
                                "APPROVE",
                                "programmeCode",
                                programme,
                                "approvedAmount",
                                Map.of("amount", "5000.00", "currency", "USD"),
                                "equipmentLines",
                                List.of(
                                        Map.of("itemCode", "FOR-WB-001", "quantity", 2),
                                        Map.of("itemCode", withdrawn, "quantity", 1))))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void a_request_withdrawn_while_its_approval_waits_for_the_second_reviewer_is_never_approved() {
        String programme = Scenario.fundedProgramme("200000.00");
        UUID request = Scenario.submittedRequest();
        Map<String, Object> approval = Scenario.approval(programme, "80000.00", 4, true);
        decide(request, "reviewer-ana", approval)
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"));

        BrokerClient.send(CloudEvent.toRecord(
                new RequestWithdrawn(request, "agency-ke", "funded by another donor", OffsetDateTime.now()),
                UUID.randomUUID(),
                "/request-service",
                OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("reviewer"))
                        .when()
                        .get("/api/v1/reviews/" + request)
                        .then()
                        .body("status", equalTo("WITHDRAWN"))
                        .body("pendingApproval", equalTo(null)));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews?status=AWAITING_SECOND_APPROVAL&limit=100")
                .then()
                .body("items.requestId", org.hamcrest.Matchers.not(hasItem(request.toString())));

        decide(request, "reviewer-bo", approval)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("withdrawn"));
        decide(request, "reviewer-bo", Map.of("decision", "REJECT", "reasonCode", "DUPLICATE"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        decide(request, "reviewer-bo", Map.of("decision", "REQUEST_INFORMATION", "questions", List.of("Still needed?")))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(0.0f))
                .body("available.amount", equalTo(200000.00f));
        assertThat(BrokerClient.readAll(Topics.REVIEWS))
                .filteredOn(r -> request.toString().equals(r.key()))
                .isEmpty();
    }

    @Test
    void above_the_threshold_the_same_reviewer_twice_is_refused_and_a_second_reviewer_makes_it_take_effect() {
        String programme = Scenario.fundedProgramme("200000.00");
        UUID request = Scenario.submittedRequest();
        Map<String, Object> approval = Scenario.approval(programme, "60000.00", 4, true);
        decide(request, "reviewer-ana", approval)
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(0.0f));

        decide(request, "reviewer-ana", approval)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://assistance.example/problems/four-eyes"));
        decide(request, "reviewer-bo", Scenario.approval(programme, "50000.00", 4, true))
                .then()
                .statusCode(409)
                .body("detail", containsString("differs"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/reviews/" + request)
                .then()
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"))
                .body("pendingApproval.approvedBy", equalTo("reviewer-ana"))
                .body("pendingApproval.amount.amount", equalTo(60000.00f));

        decide(request, "reviewer-bo", approval)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(List.of("reviewer-ana", "reviewer-bo")));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(60000.00f));
        var approved = BrokerClient.await(
                Topics.REVIEWS,
                r -> request.toString().equals(r.key())
                        && "assistance.review.approved.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(approved.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"approvedBy\":[\"reviewer-ana\",\"reviewer-bo\"]");
    }

    @Test
    void a_second_reviewer_confirms_named_activities_as_they_are_and_they_are_planned_with_their_dates() {
        String programme = Scenario.fundedProgramme("200000.00");
        UUID request = Scenario.submittedRequest();
        String start = java.time.LocalDate.now().plusDays(60).toString();
        String end = java.time.LocalDate.now().plusDays(90).toString();
        Map<String, Object> approval = Map.of(
                "decision",
                "APPROVE",
                "programmeCode",
                programme,
                "approvedAmount",
                Map.of("amount", "75000.00", "currency", "USD"),
                "equipmentLines",
                List.of(Map.of("itemCode", "FOR-WB-001", "quantity", 4)),
                "trainings",
                List.of(Map.of(
                        "topic", "Mobile forensics", "participants", 20, "plannedStart", start, "plannedEnd", end)),
                "activities",
                List.of(Map.of(
                        "kind",
                        "LEGISLATIVE_REVIEW",
                        "title",
                        "Review of the cybercrime bill",
                        "participants",
                        0,
                        "plannedStart",
                        start,
                        "plannedEnd",
                        end)));
        decide(request, "reviewer-ana", approval)
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"))
                .body("pendingApproval.activities[0].kind", equalTo("LEGISLATIVE_REVIEW"));
        decide(
                        request,
                        "reviewer-bo",
                        Map.of(
                                "decision",
                                "APPROVE",
                                "programmeCode",
                                programme,
                                "approvedAmount",
                                Map.of("amount", "75000.00", "currency", "USD"),
                                "equipmentLines",
                                List.of(Map.of("itemCode", "FOR-WB-001", "quantity", 4)),
                                "trainings",
                                List.of(Map.of(
                                        "topic",
                                        "Mobile forensics",
                                        "participants",
                                        20,
                                        "plannedStart",
                                        start,
                                        "plannedEnd",
                                        end))))
                .then()
                .statusCode(409)
                .body("detail", containsString("differs"));
        decide(request, "reviewer-bo", approval).then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body("kind", org.hamcrest.Matchers.containsInAnyOrder("TRAINING_COURSE", "LEGISLATIVE_REVIEW"))
                .body("plannedStart", org.hamcrest.Matchers.everyItem(equalTo(start)))
                .body("plannedEnd", org.hamcrest.Matchers.everyItem(equalTo(end)));
    }

    @Test
    void parallel_approvals_never_commit_more_than_the_programme_received() throws Exception {
        String programme = Scenario.fundedProgramme("10000.00");
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(Scenario.submittedRequest());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            UUID request = requests.get(i);
            String reviewer = "reviewer-" + i;
            calls.add(() -> {
                var answer = decide(request, reviewer, Scenario.approval(programme, "2000.00", 1, false));
                return answer.statusCode() + " "
                        + (answer.statusCode() == 200 ? answer.path("status") : answer.path("type"));
            });
        }
        List<String> answers = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // a refusal is for want of money, never a lock or a stale version
        assertThat(answers).containsOnly("200 APPROVED", "409 https://assistance.example/problems/insufficient-funds");
        assertThat(answers).filteredOn("200 APPROVED"::equals).hasSize(5);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("committed.amount", equalTo(10000.00f))
                .body("available.amount", equalTo(0.0f));
        List<String> statuses = requests.stream()
                .map(r -> given().auth()
                        .oauth2(Tokens.role("reviewer"))
                        .when()
                        .get("/api/v1/reviews/" + r)
                        .then()
                        .extract()
                        .<String>path("status"))
                .toList();
        assertThat(statuses)
                .containsOnly("APPROVED", "PENDING")
                .filteredOn("APPROVED"::equals)
                .hasSize(5);
    }

    static io.restassured.response.Response decide(UUID request, String reviewer, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.person(reviewer, "reviewer"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reviews/" + request + "/decision");
    }
}
