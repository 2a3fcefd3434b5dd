package org.assistance.programservice.activities;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.Topics;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipantsRosterTest {
    private static final String RECORDED = "assistance.activity.participants-recorded.v1";

    @Test
    void a_participant_is_put_on_the_roster_once_and_the_roster_is_read_entry_by_entry() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        String training = approved.training();

        add(training, participant("KE-DCI-0042", "FEMALE", "Inspector", "DCI cybercrime unit", "55.5", null, 90, true))
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/activities/" + training + "/participants/KE-DCI-0042"))
                .body("participantId", equalTo("KE-DCI-0042"))
                .body("sex", equalTo("FEMALE"))
                .body("roleOrRank", equalTo("Inspector"))
                .body("organisation", equalTo("DCI cybercrime unit"))
                .body("preTestScore", equalTo(55.5f))
                .body("postTestScore", nullValue())
                .body("attendancePercent", equalTo(90))
                .body("certificateIssued", equalTo(true))
                .body("returning", equalTo(false))
                .body("earlierActivities", equalTo(0));
        add(training, participant("KE-DCI-0042", "MALE", null, null, null, null, null, null))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/participant-already-on-roster"));
        // the post-test score and the certificate come later: the entry's fields are replaced
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .contentType(ContentType.JSON)
                .body(Map.of("sex", "FEMALE", "preTestScore", 55.5, "postTestScore", 81.25, "attendancePercent", 100))
                .when()
                .put("/api/v1/activities/" + training + "/participants/KE-DCI-0042")
                .then()
                .statusCode(200)
                .body("postTestScore", equalTo(81.25f))
                .body("attendancePercent", equalTo(100))
                .body("roleOrRank", nullValue())
                .body("certificateIssued", equalTo(false));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .contentType(ContentType.JSON)
                .body(Map.of("sex", "FEMALE"))
                .when()
                .put("/api/v1/activities/" + training + "/participants/KE-DCI-0043")
                .then()
                .statusCode(404);
        add(training, participant("KE-DCI-0007", "NOT_DISCLOSED", null, null, null, null, null, null))
                .then()
                .statusCode(201)
                .body("certificateIssued", equalTo(false));

        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/activities/" + training + "/participants")
                .then()
                .statusCode(200)
                .body("participantId", equalTo(List.of("KE-DCI-0007", "KE-DCI-0042")))
                .body("[1].postTestScore", equalTo(81.25f));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/activities/" + training + "/participants/KE-DCI-0007")
                .then()
                .statusCode(200)
                .body("sex", equalTo("NOT_DISCLOSED"));
        given().auth()
                .oauth2(Tokens.partner("agency-ke"))
                .when()
                .get("/api/v1/activities/" + training + "/participants")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities/" + UUID.randomUUID() + "/participants")
                .then()
                .statusCode(404);
        // three changes of the roster, three summaries; the refused ones none
        assertThat(Scenario.recordedEvents(approved.request()))
                .filteredOn(RECORDED::equals)
                .hasSize(3);
        assertThat(Scenario.count(
                        "select count(*) from activity_participants where activity_id = ?1", UUID.fromString(training)))
                .isEqualTo(2);
    }

    @Test
    void the_roster_adds_up_to_counts_by_sex_completions_certificates_and_average_scores_to_two_decimals() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        String training = approved.training();

        add(training, participant("P-1", "FEMALE", null, null, "50", "80", 90, true))
                .then()
                .statusCode(201);
        add(training, participant("P-2", "MALE", null, null, "60.01", "70", 79, false))
                .then()
                .statusCode(201);
        add(training, participant("P-3", "OTHER", null, null, null, "75", 80, true))
                .then()
                .statusCode(201);
        add(training, participant("P-4", "NOT_DISCLOSED", null, null, null, null, null, null))
                .then()
                .statusCode(201);

        // pre: (50 + 60.01) / 2 = 55.005, half even to 55.00; post: (80 + 70 + 75) / 3 = 75.00;
        // gain over those with both: (30 + 9.99) / 2 = 19.995 -> 20.00; completed: attended >= 80%
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities/" + training + "/participants/summary")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("women", equalTo(1))
                .body("men", equalTo(1))
                .body("other", equalTo(1))
                .body("notDisclosed", equalTo(1))
                .body("completed", equalTo(2))
                .body("certified", equalTo(2))
                .body("returning", equalTo(0))
                .body("averagePreScore", equalTo(55.00f))
                .body("averagePostScore", equalTo(75.00f))
                .body("averageScoreGain", equalTo(20.00f));

        var published = BrokerClient.await(
                Topics.REVIEWS,
                r -> approved.request().toString().equals(r.key())
                        && RECORDED.equals(BrokerClient.header(r, "ce_type")),
                4,
                Duration.ofSeconds(20));
        assertThat(new String(published.get(3).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"activityId\":\"" + training + "\"",
                        "\"country\":\"KE\"",
                        "\"kind\":\"TRAINING_COURSE\"",
                        "\"total\":4,\"women\":1,\"men\":1,\"other\":1,\"notDisclosed\":1,\"completed\":2,"
                                + "\"certified\":2,\"returning\":0,\"averagePreScore\":55.00,"
                                + "\"averagePostScore\":75.00,\"averageScoreGain\":20.00");
        // the first summary, with one participant only: her scores are hers, no average is published
        // (below assistance.participants.minimum-group-for-averages: 2 in tests, 5 by default)
        assertThat(new String(published.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"total\":1,\"women\":1,\"men\":0",
                        "\"averagePreScore\":null",
                        "\"averagePostScore\":null",
                        "\"averageScoreGain\":null")
                .doesNotContain("50.00", "80.00", "30.00");
    }

    @Test
    void no_event_names_a_participant_or_carries_any_field_about_one_of_them() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        String training = approved.training();
        add(
                        training,
                        participant(
                                "KE-PSEUDO-7781",
                                "FEMALE",
                                "Chief Superintendent",
                                "Serious Crimes Directorate",
                                "41.37",
                                "93.59",
                                97,
                                true))
                .then()
                .statusCode(201);
        add(
                        training,
                        participant(
                                "KE-PSEUDO-9902",
                                "MALE",
                                "Sergeant",
                                "Border Police Academy",
                                "58.63",
                                "70.41",
                                60,
                                false))
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "sex",
                        "FEMALE",
                        "roleOrRank",
                        "Deputy Commissioner",
                        "organisation",
                        "Anti-Narcotics Bureau",
                        "preTestScore",
                        "41.37",
                        "postTestScore",
                        "88.13",
                        "attendancePercent",
                        97))
                .when()
                .put("/api/v1/activities/" + training + "/participants/KE-PSEUDO-7781")
                .then()
                .statusCode(200);
        DeliveringActivitiesTest.deliver(training, null, "100.00").then().statusCode(200);

        BrokerClient.await(
                Topics.REVIEWS,
                r -> approved.request().toString().equals(r.key())
                        && "assistance.activity.delivered.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        // every event about the request: its approval, the roster's summaries, the delivery
        var aboutTheRequest = BrokerClient.readAll(Topics.REVIEWS).stream()
                .filter(r -> approved.request().toString().equals(r.key()))
                .toList();
        List<String> aboutTheActivity = aboutTheRequest.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
        List<String> summaries = aboutTheRequest.stream()
                .filter(r -> RECORDED.equals(BrokerClient.header(r, "ce_type")))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(summaries).hasSize(3);
        for (String personal : List.of(
                "KE-PSEUDO",
                "Chief Superintendent",
                "Serious Crimes Directorate",
                "Sergeant",
                "Border Police Academy",
                "Deputy Commissioner",
                "Anti-Narcotics Bureau",
                "participantId",
                "roleOrRank",
                "organisation",
                "preTestScore",
                "postTestScore",
                "attendancePercent",
                "certificateIssued",
                // a score of one person, once the summary is over two
                "58.63",
                "70.41",
                "88.13")) {
            assertThat(aboutTheActivity).noneMatch(e -> e.contains(personal));
        }
        // what is published instead: the totals of both, (41.37 + 58.63) / 2 and (88.13 + 70.41) / 2;
        // the certificate was not given again when the entry was replaced
        assertThat(summaries.get(2))
                .contains(
                        "\"total\":2,\"women\":1,\"men\":1",
                        "\"completed\":1,\"certified\":0",
                        "\"averageScoreGain\":29.27",
                        "\"averagePreScore\":50.00",
                        "\"averagePostScore\":79.27");
        // nor does anything about them sit unpublished in the outbox
        assertThat(Scenario.count("select count(*) from outbox where payload like '%' || ?1 || '%'", "KE-PSEUDO"))
                .isZero();
    }

    @Test
    void a_roster_is_refused_bad_pseudonyms_and_values_out_of_range_leaving_no_row_and_no_event() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        String training = approved.training();

        for (String notAPseudonym : List.of("Jane Doe", "jane.doe@police.go.ke", "-leading-dash", "x".repeat(65), "")) {
            add(training, participant(notAPseudonym, "FEMALE", null, null, null, null, null, null))
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("participantId"));
        }
        add(training, participant("summary", "FEMALE", null, null, null, null, null, null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("participantId"));
        add(training, participant("P-1", null, null, null, null, null, null, null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sex"));
        add(training, participant("P-1", "UNKNOWN", null, null, null, null, null, null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sex"));
        add(training, participant("P-1", "MALE", null, null, "100.01", null, null, null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("preTestScore"));
        add(training, participant("P-1", "MALE", null, null, null, "50.125", null, null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("postTestScore"));
        add(training, participant("P-1", "MALE", null, null, "-1", null, null, null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("preTestScore"));
        add(training, participant("P-1", "MALE", null, null, null, null, 101, null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attendancePercent"));
        add(training, participant("P-1", "MALE", "r".repeat(201), null, null, null, null, null))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("roleOrRank"));
        for (Object notABoolean : List.of("true", 1, "yes")) {
            Map<String, Object> body = participant("P-1", "MALE", null, null, null, null, null, null);
            body.put("certificateIssued", notABoolean);
            add(training, body).then().statusCode(400).body("errors[0].field", equalTo("certificateIssued"));
        }
        add(UUID.randomUUID().toString(), participant("P-1", "MALE", null, null, null, null, null, null))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner("agency-ke"))
                .contentType(ContentType.JSON)
                .body(participant("P-1", "MALE", null, null, null, null, null, null))
                .when()
                .post("/api/v1/activities/" + training + "/participants")
                .then()
                .statusCode(403);

        assertThat(Scenario.count(
                        "select count(*) from activity_participants where activity_id = ?1", UUID.fromString(training)))
                .isZero();
        assertThat(Scenario.recordedEvents(approved.request())).doesNotContain(RECORDED);
    }

    @Test
    void a_cancelled_activity_takes_nobody_on_its_roster() {
        Scenario.Approved approved = Scenario.approvedTraining(Scenario.fundedProgramme("50000.00"), "KE");
        String training = approved.training();
        add(training, participant("P-1", "MALE", null, null, null, null, null, null))
                .then()
                .statusCode(201);
        DeliveringActivitiesTest.cancel(Tokens.role("logistics"), training, "The venue closed")
                .then()
                .statusCode(200);

        add(training, participant("P-2", "FEMALE", null, null, null, null, null, null))
                .then()
                .statusCode(409)
                .body("type", endsWith("/activity-cancelled"))
                .body("detail", containsString("The venue closed"));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("sex", "FEMALE"))
                .when()
                .put("/api/v1/activities/" + training + "/participants/P-1")
                .then()
                .statusCode(409)
                .body("type", endsWith("/activity-cancelled"));

        assertThat(Scenario.recordedEvents(approved.request()))
                .filteredOn(RECORDED::equals)
                .hasSize(1);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities/" + training + "/participants/P-1")
                .then()
                .body("sex", equalTo("MALE"));
    }

    static Response add(String activity, Map<String, Object> participant) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(participant)
                .when()
                .post("/api/v1/activities/" + activity + "/participants");
    }

    static Map<String, Object> participant(
            String id,
            String sex,
            String roleOrRank,
            String organisation,
            String pre,
            String post,
            Integer attendance,
            Boolean certificate) {
        Map<String, Object> body = new HashMap<>();
        body.put("participantId", id);
        if (sex != null) {
            body.put("sex", sex);
        }
        if (roleOrRank != null) {
            body.put("roleOrRank", roleOrRank);
        }
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        if (pre != null) {
            body.put("preTestScore", new java.math.BigDecimal(pre));
        }
        if (post != null) {
            body.put("postTestScore", new java.math.BigDecimal(post));
        }
        if (attendance != null) {
            body.put("attendancePercent", attendance);
        }
        if (certificate != null) {
            body.put("certificateIssued", certificate);
        }
        return body;
    }
}
