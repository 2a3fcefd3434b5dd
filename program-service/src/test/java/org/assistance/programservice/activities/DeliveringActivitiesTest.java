package org.assistance.programservice.activities;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.assistance.chassis.events.Topics;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DeliveringActivitiesTest {

    @Test
    void a_delivered_training_is_published_with_participants_and_its_cost_disbursed() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        given().auth().oauth2(Tokens.person("reviewer-ana", "reviewer")).contentType(ContentType.JSON)
                .body(Scenario.approval(programme, "20000.00", 4, true))
                .when().post("/api/v1/reviews/" + request + "/decision").then().statusCode(200);
        String training = given().auth().oauth2(Tokens.role("logistics"))
                .when().get("/api/v1/activities?requestId=" + request)
                .then().statusCode(200).extract().path("find { it.kind == 'TRAINING_COURSE' }.id");

        deliver(training, 8, 10, 19, "5000.00").then().statusCode(400)
                .body("errors[0].field", equalTo("participants.total"));
        deliver(training, 8, 10, 18, "5000.00").then().statusCode(200).body("status", equalTo("DELIVERED"));
        deliver(training, 8, 10, 18, "5000.00").then().statusCode(409);

        var delivered = BrokerClient.await(Topics.REVIEWS, r -> request.toString().equals(r.key())
                && "assistance.activity.delivered.v1".equals(BrokerClient.header(r, "ce_type")), 1, Duration.ofSeconds(20));
        assertThat(new String(delivered.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"women\":8", "\"men\":10", "\"total\":18", "\"amount\":5000.00");
        given().auth().oauth2(Tokens.role("reviewer")).when().get("/api/v1/programmes/" + programme)
                .then().body("disbursed.amount", equalTo(5000.00f));
    }

    @Test
    void more_than_the_commitment_cannot_be_disbursed_and_partners_cannot_record_deliveries() {
        String programme = Scenario.fundedProgramme("50000.00");
        UUID request = Scenario.submittedRequest();
        given().auth().oauth2(Tokens.person("reviewer-ana", "reviewer")).contentType(ContentType.JSON)
                .body(Scenario.approval(programme, "1000.00", 4, true))
                .when().post("/api/v1/reviews/" + request + "/decision").then().statusCode(200);
        String activity = given().auth().oauth2(Tokens.role("logistics"))
                .when().get("/api/v1/activities?requestId=" + request).then().extract().path("[0].id");
        deliver(activity, 1, 1, 2, "1000.01").then().statusCode(422);
        given().auth().oauth2(Tokens.partner("agency-ke")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/activities/" + activity + "/delivery").then().statusCode(403);
        given().auth().oauth2(Tokens.role("reviewer")).when().get("/api/v1/programmes/" + programme)
                .then().body("disbursed.amount", equalTo(0.0f));
    }

    static io.restassured.response.Response deliver(String activity, int women, int men, int total, String cost) {
        return given().auth().oauth2(Tokens.role("logistics")).contentType(ContentType.JSON)
                .body(Map.of("actualStart", LocalDate.now().minusDays(5).toString(),
                        "actualEnd", LocalDate.now().minusDays(1).toString(),
                        "participants", Map.of("women", women, "men", men, "total", total),
                        "authoritiesReached", List.of("DCI cybercrime unit"),
                        "outcome", "Examiners certified", "cost", Map.of("amount", cost, "currency", "USD")))
                .when().post("/api/v1/activities/" + activity + "/delivery");
    }
}
