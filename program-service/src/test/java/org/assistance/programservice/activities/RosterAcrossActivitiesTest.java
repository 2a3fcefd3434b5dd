package org.assistance.programservice.activities;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.assistance.chassis.events.Topics;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** One person across an agency's activities: the agency's pseudonym is theirs in all of them, and only there. */
@QuarkusTest
class RosterAcrossActivitiesTest {

    @Test
    void a_participant_of_an_earlier_activity_of_the_same_agency_is_returning() {
        String programme = Scenario.fundedProgramme("50000.00");
        // the same agency (agency-ke), two requests: the first's training took place five days ago
        String earlier = Scenario.approvedTraining(programme, "KE").training();
        Scenario.Approved later = Scenario.approvedTraining(programme, "KE");
        String person = "KE-" + Integer.toHexString(programme.hashCode());
        ParticipantsRosterTest.add(earlier, Map.of("participantId", person, "sex", "MALE"))
                .then()
                .statusCode(201)
                .body("returning", equalTo(false));
        DeliveringActivitiesTest.deliver(earlier, null, "100.00").then().statusCode(200);

        ParticipantsRosterTest.add(later.training(), Map.of("participantId", person, "sex", "MALE"))
                .then()
                .statusCode(201)
                .body("returning", equalTo(true))
                .body("earlierActivities", equalTo(1));
        ParticipantsRosterTest.add(later.training(), Map.of("participantId", person + "-new", "sex", "FEMALE"))
                .then()
                .statusCode(201)
                .body("returning", equalTo(false))
                .body("earlierActivities", equalTo(0));

        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities/" + later.training() + "/participants")
                .then()
                .statusCode(200)
                .body("find { it.participantId == '" + person + "' }.returning", equalTo(true))
                .body("find { it.participantId == '" + person + "-new' }.returning", equalTo(false));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities/" + later.training() + "/participants/summary")
                .then()
                .body("total", equalTo(2))
                .body("returning", equalTo(1));
        // the earlier activity had them first: not returning there
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/activities/" + earlier + "/participants/" + person)
                .then()
                .body("returning", equalTo(false))
                .body("earlierActivities", equalTo(0));

        var summaries = BrokerClient.await(
                Topics.REVIEWS,
                r -> later.request().toString().equals(r.key())
                        && "assistance.activity.participants-recorded.v1".equals(BrokerClient.header(r, "ce_type")),
                2,
                Duration.ofSeconds(20));
        assertThat(new String(summaries.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"total\":1", "\"returning\":1");
        assertThat(new String(summaries.get(1).value(), StandardCharsets.UTF_8))
                .contains("\"total\":2", "\"returning\":1");
    }

    @Test
    void the_same_pseudonym_from_another_agency_is_another_person() {
        String programme = Scenario.fundedProgramme("50000.00");
        String kenyan = Scenario.approvedTraining(programme, "KE").training();
        String colombian = Scenario.approvedTraining(programme, "CO").training();
        String pseudonym = "P-" + Integer.toHexString(programme.hashCode());
        ParticipantsRosterTest.add(kenyan, Map.of("participantId", pseudonym, "sex", "FEMALE"))
                .then()
                .statusCode(201);
        DeliveringActivitiesTest.deliver(kenyan, null, "100.00").then().statusCode(200);

        ParticipantsRosterTest.add(colombian, Map.of("participantId", pseudonym, "sex", "FEMALE"))
                .then()
                .statusCode(201)
                .body("returning", equalTo(false))
                .body("earlierActivities", equalTo(0));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities/" + colombian + "/participants/summary")
                .then()
                .body("total", equalTo(1))
                .body("returning", equalTo(0));
    }

    @Test
    void an_activity_cancelled_before_it_took_place_makes_nobody_returning() {
        String programme = Scenario.fundedProgramme("50000.00");
        Scenario.Approved first = Scenario.approvedTraining(programme, "KE");
        String later = Scenario.approvedTraining(programme, "KE").training();
        String person = "C-" + Integer.toHexString(programme.hashCode());
        // registered for the first request's needs assessment, which was then cancelled
        String assessment = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + first.request())
                .then()
                .extract()
                .path("find { it.kind == 'NEEDS_ASSESSMENT' }.id");
        ParticipantsRosterTest.add(assessment, Map.of("participantId", person, "sex", "OTHER"))
                .then()
                .statusCode(201);
        DeliveringActivitiesTest.cancel(Tokens.role("logistics"), assessment, "Postponed sine die")
                .then()
                .statusCode(200);
        // and for the first request's training, delivered five days ago
        ParticipantsRosterTest.add(first.training(), Map.of("participantId", person, "sex", "OTHER"))
                .then()
                .statusCode(201)
                .body("earlierActivities", equalTo(0));
        DeliveringActivitiesTest.deliver(first.training(), null, "100.00")
                .then()
                .statusCode(200);

        ParticipantsRosterTest.add(later, Map.of("participantId", person, "sex", "OTHER"))
                .then()
                .statusCode(201)
                .body("returning", equalTo(true))
                .body("earlierActivities", equalTo(1));
    }
}
