package org.assistance.programservice.activities;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.Topics;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveringActivitiesTest {

    @Test
    void a_delivered_training_is_published_with_participants_and_its_cost_disbursed() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(Scenario.approval(programme, "20000.00", 4, true))
                .when()
                .post("/api/v1/reviews/" + request + "/decision")
                .then()
                .statusCode(200);
        String training = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.kind == 'TRAINING_COURSE' }.id");

        deliver(training, 8, 10, 19, "5000.00")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/participants-do-not-add-up"))
                .body(
                        "detail",
                        containsString("participants.total (19) must equal women + men + other + notDisclosed (18)"));
        deliver(training, 8, 10, 18, "5000.00")
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("id", equalTo(training))
                .body("participantsWomen", equalTo(8))
                .body("participantsMen", equalTo(10))
                .body("participantsTotal", equalTo(18))
                .body("disbursed", equalTo(5000.00f))
                .body("actualStart", equalTo(LocalDate.now().minusDays(5).toString()))
                .body("actualEnd", equalTo(LocalDate.now().minusDays(1).toString()))
                .body("authoritiesReached", equalTo(List.of("DCI cybercrime unit")))
                .body("outcome", equalTo("Examiners certified"))
                .body("deliveredAt", notNullValue());
        deliver(training, 8, 10, 18, "5000.00")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already delivered"));
        // delivered once: the activity as listed, and one event only
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body("find { it.id == '" + training + "' }.status", equalTo("DELIVERED"))
                .body("find { it.kind == 'NEEDS_ASSESSMENT' }.status", equalTo("PLANNED"));
        assertThat(Scenario.recordedEvents(request))
                .filteredOn("assistance.activity.delivered.v1"::equals)
                .hasSize(1);

        var delivered = BrokerClient.await(
                Topics.REVIEWS,
                r -> request.toString().equals(r.key())
                        && "assistance.activity.delivered.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(delivered.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"women\":8",
                        "\"men\":10",
                        "\"total\":18",
                        "\"amount\":5000.00",
                        "\"disbursedSplit\":[{\"donorId\":\"donor-" + programme.toLowerCase() + "\"");
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("disbursed.amount", equalTo(5000.00f))
                .body("committed.amount", equalTo(20000.00f))
                .body("donors[0].disbursed.amount", equalTo(5000.00f));
    }

    @Test
    void more_than_the_commitment_cannot_be_disbursed_and_partners_cannot_record_deliveries() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(Scenario.approval(programme, "1000.00", 4, true))
                .when()
                .post("/api/v1/reviews/" + request + "/decision")
                .then()
                .statusCode(200);
        String activity = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .extract()
                .path("[0].id");
        deliver(activity, 1, 1, 2, "1000.01")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("1000.00"));
        given().auth()
                .oauth2(Tokens.partner("agency-ke"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/v1/activities/" + activity + "/delivery")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("disbursed.amount", equalTo(0.0f));
        // refused: still planned, and nothing published
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body("find { it.id == '" + activity + "' }.status", equalTo("PLANNED"))
                .body("find { it.id == '" + activity + "' }.disbursed", nullValue());
        assertThat(Scenario.recordedEvents(request)).doesNotContain("assistance.activity.delivered.v1");
        // the whole commitment may be disbursed, not a cent more
        deliver(activity, 1, 1, 2, "1000.00").then().statusCode(200).body("disbursed", equalTo(1000.00f));
    }

    @Test
    void activities_of_every_kind_named_in_an_approval_are_planned_and_listed_in_it() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submitted(
                "KE", Set.of("LEGISLATIVE_ADVISORY", "MENTORING_ADVISORY", "KNOWLEDGE_SHARING"), List.of(), List.of());
        List<Map<String, Object>> named = List.of(
                activity("LEGISLATIVE_REVIEW", "Review of the cybercrime bill", 0),
                activity("MENTORING_MISSION", "Mentoring of the cybercrime unit", 6),
                activity("KNOWLEDGE_PRODUCT", "Guide on electronic evidence", 0),
                activity("KNOWLEDGE_SHARING_EVENT", "Regional meeting of prosecutors", 40),
                activity("ADVISORY_MISSION", "Advice on the new unit", 0),
                activity("NEEDS_ASSESSMENT", "Assessment of the forensic lab", 0),
                activity("TRAINING_COURSE", "Open-source investigation", 25));
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "decision",
                        "APPROVE",
                        "programmeCode",
                        programme,
                        "approvedAmount",
                        Map.of("amount", "20000.00", "currency", "USD"),
                        "activities",
                        List.of(Map.of("kind", "SPACE_PROGRAMME", "title", "x", "participants", 1))))
                .when()
                .post("/api/v1/reviews/" + request + "/decision")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("activities[0].kind"))
                .body("errors[0].message", containsString("'SPACE_PROGRAMME' is not one of"));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body("$", empty());
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "decision",
                        "APPROVE",
                        "programmeCode",
                        programme,
                        "approvedAmount",
                        Map.of("amount", "20000.00", "currency", "USD"),
                        "activities",
                        named))
                .when()
                .post("/api/v1/reviews/" + request + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .statusCode(200)
                .body("$", hasSize(7))
                .body(
                        "kind",
                        containsInAnyOrder(
                                "LEGISLATIVE_REVIEW",
                                "MENTORING_MISSION",
                                "KNOWLEDGE_PRODUCT",
                                "KNOWLEDGE_SHARING_EVENT",
                                "ADVISORY_MISSION",
                                "NEEDS_ASSESSMENT",
                                "TRAINING_COURSE"))
                .body("find { it.kind == 'MENTORING_MISSION' }.expectedParticipants", equalTo(6))
                .body(
                        "find { it.kind == 'LEGISLATIVE_REVIEW' }.plannedStart",
                        equalTo(LocalDate.now().plusDays(40).toString()));
        var approved = BrokerClient.await(
                Topics.REVIEWS,
                r -> request.toString().equals(r.key())
                        && "assistance.review.approved.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(approved.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"kind\":\"LEGISLATIVE_REVIEW\"",
                        "\"title\":\"Guide on electronic evidence\"",
                        "\"kind\":\"KNOWLEDGE_SHARING_EVENT\"",
                        "\"expectedParticipants\":40");
    }

    @Test
    void a_planned_activity_is_cancelled_once_with_its_reason_and_can_no_longer_be_delivered() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        given().auth()
                .oauth2(Tokens.person("reviewer-ana", "reviewer"))
                .contentType(ContentType.JSON)
                .body(Scenario.approval(programme, "20000.00", 4, true))
                .when()
                .post("/api/v1/reviews/" + request + "/decision")
                .then()
                .statusCode(200);
        List<String> ids = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .extract()
                .path("id");
        String cancelled = ids.get(0);
        String delivered = ids.get(1);

        cancel(Tokens.partner("agency-ke"), cancelled, "not needed").then().statusCode(403);
        cancel(Tokens.role("logistics"), cancelled, " ")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        cancel(Tokens.person("reviewer-bo", "reviewer"), cancelled, "The trainers' visas were refused")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("The trainers' visas were refused"))
                .body("cancelledBy", equalTo("reviewer-bo"));
        cancel(Tokens.role("logistics"), cancelled, "again")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        deliver(cancelled, 1, 1, 2, "100.00")
                .then()
                .statusCode(409)
                .body("detail", containsString("was cancelled: The trainers' visas were refused"));
        deliver(delivered, 1, 1, 2, "100.00").then().statusCode(200).body("status", equalTo("DELIVERED"));
        cancel(Tokens.role("logistics"), delivered, "too late")
                .then()
                .statusCode(409)
                .body("detail", containsString("already DELIVERED"));
        cancel(Tokens.role("logistics"), UUID.randomUUID().toString(), "none")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + request)
                .then()
                .body("find { it.id == '" + cancelled + "' }.status", equalTo("CANCELLED"))
                .body("find { it.id == '" + delivered + "' }.status", equalTo("DELIVERED"));

        var events = BrokerClient.await(
                Topics.REVIEWS,
                r -> request.toString().equals(r.key())
                        && "assistance.activity.cancelled.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"activityId\":\"" + cancelled + "\"",
                        "\"reason\":\"The trainers' visas were refused\"",
                        "\"cancelledBy\":\"reviewer-bo\"",
                        "\"programmeCode\":\"" + programme + "\"");
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("disbursed.amount", equalTo(100.00f));
    }

    static Map<String, Object> activity(String kind, String title, int participants) {
        return Map.of(
                "kind",
                kind,
                "title",
                title,
                "participants",
                participants,
                "plannedStart",
                LocalDate.now().plusDays(40).toString(),
                "plannedEnd",
                LocalDate.now().plusDays(44).toString());
    }

    static io.restassured.response.Response cancel(String token, String activity, String reason) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .when()
                .post("/api/v1/activities/" + activity + "/cancellation");
    }

    @Test
    void a_delivery_counts_participants_of_other_or_undisclosed_sex() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        Map<String, Object> notAddingUp = Map.of("women", 8, "men", 9, "other", 1, "notDisclosed", 2, "total", 19);
        deliver(approved.training(), notAddingUp, "500.00")
                .then()
                .statusCode(422)
                .body("type", endsWith("/participants-do-not-add-up"))
                .body("detail", containsString("(20)"));
        assertThat(Scenario.recordedEvents(approved.request())).doesNotContain("assistance.activity.delivered.v1");

        deliver(approved.training(), Map.of("women", 8, "men", 9, "other", 1, "notDisclosed", 2, "total", 20), "500.00")
                .then()
                .statusCode(200)
                .body("participantsWomen", equalTo(8))
                .body("participantsMen", equalTo(9))
                .body("participantsOther", equalTo(1))
                .body("participantsNotDisclosed", equalTo(2))
                .body("participantsTotal", equalTo(20));
        var delivered = BrokerClient.await(
                Topics.REVIEWS,
                r -> approved.request().toString().equals(r.key())
                        && "assistance.activity.delivered.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(delivered.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"participants\":{\"women\":8,\"men\":9,\"other\":1,\"notDisclosed\":2,\"total\":20}");
    }

    @Test
    void a_delivery_takes_its_counts_from_the_roster() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        String training = approved.training();
        for (Map<String, Object> participant : List.of(
                Map.<String, Object>of("participantId", "R-1", "sex", "FEMALE"),
                Map.<String, Object>of("participantId", "R-2", "sex", "FEMALE"),
                Map.<String, Object>of("participantId", "R-3", "sex", "MALE"),
                Map.<String, Object>of("participantId", "R-4", "sex", "NOT_DISCLOSED"))) {
            ParticipantsRosterTest.add(training, participant).then().statusCode(201);
        }

        // counts that add up but are not the roster's
        deliver(training, Map.of("women", 2, "men", 2, "total", 4), "700.00")
                .then()
                .statusCode(422)
                .body("type", endsWith("/participants-disagree-with-roster"))
                .body("detail", containsString("2 women, 1 men, 0 other and 1 not disclosed (4)"));
        assertThat(Scenario.recordedEvents(approved.request())).doesNotContain("assistance.activity.delivered.v1");
        assertThat(Scenario.count(
                        "select count(*) from activities where id = ?1 and status = 'PLANNED' and disbursed is null",
                        UUID.fromString(training)))
                .isEqualTo(1);

        // the roster's own counts, given or left out
        deliver(training, null, "700.00")
                .then()
                .statusCode(200)
                .body("participantsWomen", equalTo(2))
                .body("participantsMen", equalTo(1))
                .body("participantsOther", equalTo(0))
                .body("participantsNotDisclosed", equalTo(1))
                .body("participantsTotal", equalTo(4))
                .body("disbursed", equalTo(700.00f));
        var delivered = BrokerClient.await(
                Topics.REVIEWS,
                r -> approved.request().toString().equals(r.key())
                        && "assistance.activity.delivered.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(delivered.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"participants\":{\"women\":2,\"men\":1,\"other\":0,\"notDisclosed\":1,\"total\":4}");

        // without a roster, counts are required
        String other = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE")
                .training();
        deliver(other, null, "700.00").then().statusCode(400).body("errors[0].field", equalTo("participants"));
        deliver(other, Map.of("women", 1, "men", 0, "other", 0, "notDisclosed", 0, "total", 1), "700.00")
                .then()
                .statusCode(200)
                .body("participantsTotal", equalTo(1));
    }

    static io.restassured.response.Response deliver(String activity, int women, int men, int total, String cost) {
        return deliver(activity, Map.of("women", women, "men", men, "total", total), cost);
    }

    /** A delivery with the given participants' counts (left out when null). */
    static io.restassured.response.Response deliver(String activity, Map<String, Object> participants, String cost) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "actualStart",
                LocalDate.now().minusDays(5).toString(),
                "actualEnd",
                LocalDate.now().minusDays(1).toString(),
                "authoritiesReached",
                List.of("DCI cybercrime unit"),
                "outcome",
                "Examiners certified",
                "cost",
                Map.of("amount", cost, "currency", "USD")));
        if (participants != null) {
            body.put("participants", participants);
        }
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/activities/" + activity + "/delivery");
    }
}
