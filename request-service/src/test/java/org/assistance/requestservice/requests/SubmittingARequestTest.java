package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmittingARequestTest {

    @Test
    void an_agency_submits_a_request_and_the_submitted_event_reaches_kafka() {
        io.restassured.response.Response created = given().auth()
                .oauth2(Tokens.partner("agency-ke-dci"))
                .contentType(ContentType.JSON)
                .body(Drafts.trainingAndEquipment())
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("agencyId", equalTo("agency-ke-dci"))
                .extract()
                .response();
        UUID id = UUID.fromString(created.path("id"));
        assertThat(created.header("Location")).endsWith("/api/v1/requests/" + id);

        List<ConsumerRecord<String, byte[]>> events =
                BrokerClient.await(Topics.REQUESTS, r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(BrokerClient.header(events.get(0), "ce_type")).isEqualTo("assistance.request.submitted.v1");
        assertThat(BrokerClient.header(events.get(0), "ce_source")).isEqualTo("/request-service");
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"agencyId\":\"agency-ke-dci\"", "\"country\":\"KE\"", "\"itemCode\":\"FOR-WB-001\"");
    }

    @Test
    void the_agency_comes_from_the_token_and_a_body_cannot_set_it() {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        draft.put("agencyId", "someone-else");
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("agencyId"));
    }

    @Test
    void an_agency_cannot_see_another_agencys_request() {
        UUID theirs = Drafts.submit("agency-b", Drafts.trainingAndEquipment());
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/requests/" + theirs)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(theirs.toString())));
        given().auth()
                .oauth2(Tokens.partner("agency-b"))
                .when()
                .get("/api/v1/requests/" + theirs)
                .then()
                .statusCode(200)
                .body("id", equalTo(theirs.toString()));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/requests/" + theirs)
                .then()
                .statusCode(200);
    }

    @Test
    void a_donor_cannot_read_requests() {
        given().auth()
                .oauth2(Tokens.donor("donor-eu"))
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(403);
    }
}
