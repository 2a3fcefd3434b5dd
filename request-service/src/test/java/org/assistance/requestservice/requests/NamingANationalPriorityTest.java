package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.Topics;
import org.assistance.requestservice.priorities.Priorities;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A request may name the national priority of its State that it answers. */
@QuarkusTest
class NamingANationalPriorityTest {

    private static Map<String, Object> draftFor(String country, Object priorityId) {
        Map<String, Object> draft = Drafts.trainingOnly();
        draft.put("country", country);
        draft.put("priorityId", priorityId);
        return draft;
    }

    @Test
    void a_request_names_its_States_priority_and_the_submitted_event_carries_it() {
        UUID priority = Priorities.stated("ET", 1);
        UUID id = Drafts.submit("agency-et", draftFor("ET", priority.toString()));
        given().auth()
                .oauth2(Tokens.focalPoint("ET"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("priorityId", equalTo(priority.toString()));
        var submitted = BrokerClient.await(
                Topics.REQUESTS,
                r -> id.toString().equals(r.key())
                        && "assistance.request.submitted.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(submitted.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"priorityId\":\"" + priority + "\"");
    }

    @Test
    void an_amendment_names_another_priority_of_the_State_and_the_amended_event_carries_it() {
        UUID first = Priorities.stated("SO", 1);
        UUID second = Priorities.stated("SO", 2);
        UUID id = Drafts.submit("agency-so", draftFor("SO", first.toString()));
        String etag = given().auth()
                .oauth2(Tokens.partner("agency-so"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.partner("agency-so"))
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"priorityId\": \"" + second + "\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("priorityId", equalTo(second.toString()));
        var amended = BrokerClient.await(
                Topics.REQUESTS,
                r -> id.toString().equals(r.key())
                        && "assistance.request.amended.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(amended.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"priorityId\":\"" + second + "\"");
    }

    @Test
    void a_request_without_a_priority_names_none() {
        UUID id = Drafts.submit("agency-er", draftFor("ER", null));
        given().auth()
                .oauth2(Tokens.partner("agency-er"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("priorityId", nullValue());
    }

    @Test
    void a_request_naming_a_priority_of_another_country_or_none_at_all_is_refused() {
        UUID kenyan = Priorities.stated("KE", 7);
        for (Object priorityId :
                new Object[] {kenyan.toString(), UUID.randomUUID().toString()}) {
            given().auth()
                    .oauth2(Tokens.partner("agency-dj"))
                    .contentType(ContentType.JSON)
                    .body(draftFor("DJ", priorityId))
                    .when()
                    .post("/api/v1/requests")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("priorityId"));
        }
        given().auth()
                .oauth2(Tokens.partner("agency-dj"))
                .contentType(ContentType.JSON)
                .body(draftFor("DJ", "not-a-uuid"))
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner("agency-dj"))
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void an_amendment_moving_the_request_to_another_country_keeps_no_priority_of_the_first() {
        UUID djiboutian = Priorities.stated("DJ", 1);
        UUID id = Drafts.submit("agency-dj-move", draftFor("DJ", djiboutian.toString()));
        String etag = given().auth()
                .oauth2(Tokens.partner("agency-dj-move"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.partner("agency-dj-move"))
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"country\": \"ER\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("priorityId"));
        given().auth()
                .oauth2(Tokens.partner("agency-dj-move"))
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"country\": \"ER\", \"priorityId\": null}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("country", equalTo("ER"))
                .body("priorityId", nullValue());
    }
}
