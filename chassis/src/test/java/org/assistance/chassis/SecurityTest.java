package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

    @Test
    void no_token_is_401_as_problem_json() {
        given().when()
                .get("/fixture/requests/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void an_expired_token_is_401() {
        given().auth()
                .oauth2(Tokens.expired("partner"))
                .when()
                .get("/fixture/requests/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_token_with_a_wrong_signature_is_401() {
        given().auth()
                .oauth2(Tokens.forged("reviewer"))
                .when()
                .get("/fixture/requests/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_wrong_role_is_403() {
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/fixture/requests/" + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void an_agency_gets_404_for_another_agencys_record_as_if_it_did_not_exist() {
        UUID id = Fixtures.submit("agency a's");
        given().auth()
                .oauth2(Tokens.partner("agency-b"))
                .when()
                .get("/fixture/requests/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Request " + id + " does not exist"));
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/fixture/requests/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("agency a's"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/fixture/requests/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void api_documents_need_no_token() {
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/asyncapi").then().statusCode(200);
    }

    @Test
    void health_answers_on_the_management_port_without_a_token() {
        given().when().get(management("/health/ready")).then().statusCode(200);
        given().when().get(management("/health/live")).then().statusCode(200);
        given().when()
                .get(management("/metrics"))
                .then()
                .statusCode(200)
                .body(containsString("assistance_outbox_backlog"));
    }

    @Test
    void metrics_and_health_are_not_served_on_the_public_port() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void every_answer_tells_the_browser_not_to_sniff_and_not_to_send_referrers() {
        given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        given().when()
                .get("/fixture/requests/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    /** A path on the management interface (its own port, root /q), e.g. "/metrics". */
    static String management(String path) {
        return io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri() + path;
    }

    @Test
    void an_unexpected_failure_is_500_problem_json_without_internals() {
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/fixture/requests/boom")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("detail", containsString("error id"))
                .body(not(containsString("secret_table")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void a_deadlock_or_a_lock_held_too_long_is_503_with_retry_after_never_500() {
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/fixture/requests/held-row")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("Try again"))
                .body(not(containsString("deadlock")));
    }
}
