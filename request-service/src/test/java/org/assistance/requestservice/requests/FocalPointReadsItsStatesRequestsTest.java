package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A State's national focal point reads every agency's requests for its State, and nothing of another State's. */
@QuarkusTest
class FocalPointReadsItsStatesRequestsTest {

    private static UUID submitFor(String agency, String country) {
        Map<String, Object> draft = Drafts.trainingOnly();
        draft.put("country", country);
        return Drafts.submit(agency, draft);
    }

    @Test
    void a_focal_point_sees_its_States_requests_from_two_agencies_and_not_another_States() {
        UUID fromUnodc = submitFor("agency-ug-unodc", "UG");
        UUID fromInterpol = submitFor("agency-ug-interpol", "UG");
        UUID tanzanian = submitFor("agency-ug-unodc", "TZ");
        String uganda = Tokens.focalPoint("UG");

        given().auth()
                .oauth2(uganda)
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(fromUnodc.toString(), fromInterpol.toString()));
        for (UUID ours : new UUID[] {fromUnodc, fromInterpol}) {
            given().auth()
                    .oauth2(uganda)
                    .when()
                    .get("/api/v1/requests/" + ours)
                    .then()
                    .statusCode(200)
                    .body("country", equalTo("UG"));
            given().auth()
                    .oauth2(uganda)
                    .when()
                    .get("/api/v1/requests/" + ours + "/history")
                    .then()
                    .statusCode(200)
                    .body("to", hasSize(1));
            given().auth()
                    .oauth2(uganda)
                    .when()
                    .get("/api/v1/requests/" + ours + "/deliverables")
                    .then()
                    .statusCode(200);
        }
        for (String path : new String[] {"", "/history", "/deliverables"}) {
            given().auth()
                    .oauth2(uganda)
                    .when()
                    .get("/api/v1/requests/" + tanzanian + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(Tokens.focalPoint("TZ"))
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(tanzanian.toString()));
    }

    @Test
    void a_focal_point_searching_another_States_requests_finds_none() {
        submitFor("agency-rw-search", "RW");
        UUID burundian = submitFor("agency-rw-search", "BI");
        given().auth()
                .oauth2(Tokens.focalPoint("RW"))
                .queryParam("country", "BI")
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(Tokens.focalPoint("BI"))
                .queryParam("country", "BI")
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(burundian.toString()));
    }

    @Test
    void a_focal_point_cannot_submit_amend_withdraw_or_confirm_completion() {
        UUID id = submitFor("agency-mw", "MW");
        String malawi = Tokens.focalPoint("MW");
        Map<String, Object> draft = Drafts.trainingOnly();
        draft.put("country", "MW");
        given().auth()
                .oauth2(malawi)
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(malawi)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"priority\": \"LOW\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(malawi)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"not needed\"}")
                .when()
                .post("/api/v1/requests/" + id + "/withdrawal")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(malawi)
                .contentType(ContentType.JSON)
                .body("{\"satisfaction\": 5}")
                .when()
                .post("/api/v1/requests/" + id + "/completion")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.partner("agency-mw"))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("priority", equalTo("HIGH"));
    }

    @Test
    void messages_and_documents_stay_between_the_agency_and_the_staff() {
        UUID id = submitFor("agency-zm", "ZM");
        String zambia = Tokens.focalPoint("ZM");
        given().auth()
                .oauth2(zambia)
                .when()
                .get("/api/v1/requests/" + id + "/messages")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(zambia)
                .when()
                .get("/api/v1/requests/" + id + "/documents")
                .then()
                .statusCode(403);
        given().auth().oauth2(zambia).when().get("/api/v1/webhooks").then().statusCode(403);
    }
}
