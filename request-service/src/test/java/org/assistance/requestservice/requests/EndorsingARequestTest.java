package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.Topics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The State's national focal point endorses a request for its State, or declines to. */
@QuarkusTest
class EndorsingARequestTest {

    private static UUID submitFor(String agency, String country) {
        Map<String, Object> draft = Drafts.trainingOnly();
        draft.put("country", country);
        return Drafts.submit(agency, draft);
    }

    private static Map<String, Object> decision(String decision, String reference, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("reference", reference);
        body.put("comment", comment);
        return body;
    }

    private static io.restassured.response.ValidatableResponse endorse(
            String token, UUID id, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/requests/" + id + "/endorsement")
                .then();
    }

    @Test
    void the_focal_point_endorses_then_declines_and_the_later_decision_replaces_the_earlier() {
        UUID id = submitFor("agency-cm", "CM");
        String cameroon = Tokens.focalPoint("CM");
        endorse(cameroon, id, decision("ENDORSED", "MINREX/TA/2026/118", "Answers pillar 2 of the strategy."))
                .statusCode(200)
                .body("decision", equalTo("ENDORSED"))
                .body("reference", equalTo("MINREX/TA/2026/118"))
                .body("comment", equalTo("Answers pillar 2 of the strategy."))
                .body("by", equalTo(subjectOf(cameroon)))
                .body("at", org.hamcrest.Matchers.notNullValue());
        endorse(cameroon, id, decision("DECLINED", "MINREX/TA/2026/131", null))
                .statusCode(200)
                .body("decision", equalTo("DECLINED"))
                .body("comment", nullValue());

        for (String reader : List.of(cameroon, Tokens.partner("agency-cm"), Tokens.role("reviewer"))) {
            given().auth()
                    .oauth2(reader)
                    .when()
                    .get("/api/v1/requests/" + id)
                    .then()
                    .statusCode(200)
                    .body("endorsement.decision", equalTo("DECLINED"))
                    .body("endorsement.reference", equalTo("MINREX/TA/2026/131"))
                    .body("endorsement.comment", nullValue());
        }

        List<ConsumerRecord<String, byte[]>> events = BrokerClient.await(
                Topics.REQUESTS,
                r -> id.toString().equals(r.key())
                        && BrokerClient.header(r, "ce_type").startsWith("assistance.request.endorse"),
                2,
                Duration.ofSeconds(20));
        assertThat(events)
                .extracting(r -> BrokerClient.header(r, "ce_type"))
                .containsExactly("assistance.request.endorsed.v1", "assistance.request.endorsement-declined.v1");
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8))
                .contains(
                        "\"reference\":\"MINREX/TA/2026/118\"",
                        "\"country\":\"CM\"",
                        "\"agencyId\":\"agency-cm\"",
                        "\"comment\":\"Answers pillar 2 of the strategy.\"");
        assertThat(new String(events.get(1).value(), StandardCharsets.UTF_8))
                .contains("\"reference\":\"MINREX/TA/2026/131\"");
    }

    @Test
    void a_request_under_review_or_waiting_on_information_may_still_be_endorsed() {
        UUID id = submitFor("agency-ga", "GA");
        Events.informationRequested(id, "agency-ga");
        awaitStatus(id, "agency-ga", "INFORMATION_REQUESTED");
        endorse(Tokens.focalPoint("GA"), id, decision("ENDORSED", "GA-2026-4", null))
                .statusCode(200);
    }

    @Test
    void a_decided_or_withdrawn_request_can_no_longer_be_endorsed() {
        UUID approved = submitFor("agency-cg", "CG");
        Events.approved(approved, "agency-cg", false);
        awaitStatus(approved, "agency-cg", "APPROVED");
        endorse(Tokens.focalPoint("CG"), approved, decision("ENDORSED", "CG-1", null))
                .statusCode(409)
                .contentType("application/problem+json");

        UUID rejected = submitFor("agency-cg", "CG");
        Events.rejected(rejected, "agency-cg");
        awaitStatus(rejected, "agency-cg", "REJECTED");
        endorse(Tokens.focalPoint("CG"), rejected, decision("DECLINED", "CG-2", null))
                .statusCode(409);

        UUID withdrawn = submitFor("agency-cg", "CG");
        given().auth()
                .oauth2(Tokens.partner("agency-cg"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"no longer needed\"}")
                .when()
                .post("/api/v1/requests/" + withdrawn + "/withdrawal")
                .then()
                .statusCode(200);
        endorse(Tokens.focalPoint("CG"), withdrawn, decision("ENDORSED", "CG-3", null))
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.partner("agency-cg"))
                .when()
                .get("/api/v1/requests/" + approved)
                .then()
                .body("endorsement", nullValue());
    }

    @Test
    void only_the_focal_point_of_the_requests_State_may_endorse_it() {
        UUID id = submitFor("agency-cf", "CF");
        Map<String, Object> body = decision("ENDORSED", "CF-1", null);
        for (String other : List.of(
                Tokens.partner("agency-cf"),
                Tokens.role("reviewer"),
                Tokens.role("operations"),
                Tokens.role("admin"),
                Tokens.donor("donor-eu"))) {
            endorse(other, id, body).statusCode(403).contentType("application/problem+json");
        }
        endorse(Tokens.focalPoint("TD"), id, body).statusCode(404).contentType("application/problem+json");
        endorse(Tokens.focalPoint("CF"), UUID.randomUUID(), body).statusCode(404);
        given().auth()
                .oauth2(Tokens.partner("agency-cf"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .body("endorsement", nullValue());
    }

    @Test
    void an_invalid_endorsement_is_refused_naming_the_field() {
        UUID id = submitFor("agency-gq", "GQ");
        String fp = Tokens.focalPoint("GQ");
        endorse(fp, id, decision("MAYBE", "GQ-1", null)).statusCode(400).body("errors.field", hasItem("decision"));
        endorse(fp, id, decision(null, "GQ-1", null)).statusCode(400).body("errors.field", hasItem("decision"));
        endorse(fp, id, decision("ENDORSED", " ", null)).statusCode(400).body("errors.field", hasItem("reference"));
        endorse(fp, id, decision("ENDORSED", "x".repeat(101), null))
                .statusCode(400)
                .body("errors.field", hasItem("reference"));
        endorse(fp, id, decision("ENDORSED", "GQ-1", "x".repeat(2001)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("comment"));
        given().auth().oauth2(fp).when().get("/api/v1/requests/" + id).then().body("endorsement", nullValue());
    }

    private static void awaitStatus(UUID id, String agency, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.partner(agency))
                        .when()
                        .get("/api/v1/requests/" + id)
                        .then()
                        .body("status", equalTo(status)));
    }

    private static String subjectOf(String token) {
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"([^\"]*)\".*", "$1");
    }
}
