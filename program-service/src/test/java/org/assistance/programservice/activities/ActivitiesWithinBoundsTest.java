package org.assistance.programservice.activities;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Activities are listed one request at a time, and delivered with dates that can be real. */
@QuarkusTest
class ActivitiesWithinBoundsTest {

    @Test
    void activities_are_listed_for_one_request_and_a_list_of_every_request_is_refused() {
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("requestId"));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/activities?requestId=" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void an_activity_delivered_with_dates_before_2000_or_a_billion_years_ago_is_refused_and_stays_deliverable() {
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

        for (String start : List.of("1999-12-31", "-999999999-01-01")) {
            deliver(training, start, "2000-01-05").then().statusCode(400).body("errors.field", hasItem("actualStart"));
        }
        deliver(training, "2000-01-01", "+999999999-12-31")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("actualEnd"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/programmes/" + programme)
                .then()
                .body("disbursed.amount", equalTo(0.0f));
        deliver(training, "2000-01-01", "2000-01-05").then().statusCode(200).body("status", equalTo("DELIVERED"));
    }

    private static io.restassured.response.Response deliver(String activity, String start, String end) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "actualStart",
                        start,
                        "actualEnd",
                        end,
                        "participants",
                        Map.of("women", 1, "men", 1, "total", 2),
                        "outcome",
                        "Examiners certified",
                        "cost",
                        Map.of("amount", "100.00", "currency", "USD")))
                .when()
                .post("/api/v1/activities/" + activity + "/delivery");
    }
}
