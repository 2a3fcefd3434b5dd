package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.assistance.chassis.events.Topics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AmendingARequestTest {
    private static final String AGENCY = "agency-amend";

    @Test
    void an_agency_amends_its_request_with_the_etag_it_read_and_the_amendment_is_published() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        String newTag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"priority\": \"URGENT\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("priority", equalTo("URGENT"))
                .body("title", equalTo("Digital forensics capacity for the cybercrime unit"))
                .extract()
                .header("ETag");
        assertThat(newTag).isNotEqualTo(etag);

        var amended = BrokerClient.await(
                Topics.REQUESTS,
                r -> id.toString().equals(r.key())
                        && "assistance.request.amended.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        assertThat(new String(amended.get(0).value(), StandardCharsets.UTF_8)).contains("\"priority\":\"URGENT\"");

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .header("If-None-Match", newTag)
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(304);
    }

    @Test
    void a_stale_etag_is_412_and_a_missing_one_428() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"priority\": \"LOW\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"priority\": \"MEDIUM\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body("{\"priority\": \"MEDIUM\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .body("priority", equalTo("LOW"));
    }

    @Test
    void an_amendment_that_breaks_a_rule_is_400_and_changes_nothing() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"assistanceTypes\": [\"TRAINING\"]}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("equipmentLines"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"priority\": \"SOON\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"status\": \"APPROVED\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .header("ETag", equalTo(etag))
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    void answering_an_information_request_puts_the_request_back_under_review() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        Events.informationRequested(id, AGENCY);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + id)
                        .then()
                        .body("status", equalTo("INFORMATION_REQUESTED")));
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"needsStatement\": \"Six examiners will use the kits in three regional labs.\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
    }

    @Test
    void a_decided_request_cannot_be_amended_or_withdrawn() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        Events.approved(id, AGENCY, false);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(AGENCY))
                        .when()
                        .get("/api/v1/requests/" + id)
                        .then()
                        .body("status", equalTo("APPROVED")));
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"priority\": \"LOW\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/requests/" + id + "/withdrawal")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("APPROVED"));
    }

    @Test
    void an_agency_withdraws_its_undecided_request() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"Funded by the national budget after all\"}")
                .when()
                .post("/api/v1/requests/" + id + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        BrokerClient.await(
                Topics.REQUESTS,
                r -> id.toString().equals(r.key())
                        && "assistance.request.withdrawn.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id + "/history")
                .then()
                .body("[1].reason", equalTo("Funded by the national budget after all"));
    }

    @Test
    void another_agency_can_neither_amend_nor_withdraw_nor_read_the_history() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        given().auth()
                .oauth2(Tokens.partner("agency-intruder"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"priority\": \"LOW\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.partner("agency-intruder"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/requests/" + id + "/withdrawal")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.partner("agency-intruder"))
                .when()
                .get("/api/v1/requests/" + id + "/history")
                .then()
                .statusCode(404);
    }
}
