package org.assistance.chassis;

import io.quarkus.test.junit.QuarkusTest;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class SecurityTest {

    @Test
    void no_token_is_401_as_problem_json() {
        given().when().get("/fixture/requests/" + UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("title", equalTo("Authentication required"));
    }

    @Test
    void an_expired_token_is_401() {
        given().auth().oauth2(Tokens.expired("partner"))
                .when().get("/fixture/requests/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_with_a_wrong_signature_is_401() {
        given().auth().oauth2(Tokens.forged("reviewer"))
                .when().get("/fixture/requests/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_wrong_role_is_403() {
        given().auth().oauth2(Tokens.role("logistics"))
                .when().get("/fixture/requests/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void an_agency_gets_404_for_another_agencys_record_as_if_it_did_not_exist() {
        UUID id = Fixtures.submit("agency a's");
        given().auth().oauth2(Tokens.partner("agency-b"))
                .when().get("/fixture/requests/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Request " + id + " does not exist"));
        given().auth().oauth2(Tokens.partner("agency-a"))
                .when().get("/fixture/requests/" + id)
                .then().statusCode(200).body("title", equalTo("agency a's"));
        given().auth().oauth2(Tokens.role("reviewer"))
                .when().get("/fixture/requests/" + id)
                .then().statusCode(200);
    }

    @Test
    void health_metrics_and_api_documents_need_no_token() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("assistance_outbox_backlog"));
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/asyncapi").then().statusCode(200);
    }

    @Test
    void an_unexpected_failure_is_500_problem_json_without_internals() {
        given().auth().oauth2(Tokens.role("reviewer"))
                .when().get("/fixture/requests/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("detail", containsString("error id"))
                .body(not(containsString("secret_table")))
                .body(not(containsString("IllegalStateException")));
    }
}
