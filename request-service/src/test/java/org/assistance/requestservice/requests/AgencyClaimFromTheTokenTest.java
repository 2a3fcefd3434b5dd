package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The agency a request belongs to comes from the token: a claim the platform cannot store is refused. */
@QuarkusTest
class AgencyClaimFromTheTokenTest {

    @Test
    void a_partner_whose_agency_claim_is_over_100_characters_is_refused_not_answered_500() {
        String agency = "agency-" + "k".repeat(94);
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(Drafts.trainingAndEquipment())
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_partner_whose_agency_claim_carries_a_control_character_is_refused() {
        given().auth()
                .oauth2(Tokens.partner("agency\u0007ke"))
                .contentType(ContentType.JSON)
                .body(Drafts.trainingAndEquipment())
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_partner_with_a_100_character_agency_submits_as_usual() {
        String agency = "agency-" + "k".repeat(93);
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(Drafts.trainingAndEquipment())
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(201)
                .body("agencyId", equalTo(agency));
    }
}
