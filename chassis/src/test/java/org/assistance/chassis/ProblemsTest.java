package org.assistance.chassis;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class ProblemsTest {

    @Test
    void malformed_json_is_400_problem_json() {
        given().auth().oauth2(Tokens.partner("agency-a")).contentType(ContentType.JSON)
                .body("{\"title\": ")
                .when().post("/fixture/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("type", containsString("malformed-json"));
    }

    @Test
    void invalid_fields_are_400_with_one_error_per_field() {
        given().auth().oauth2(Tokens.partner("agency-a")).contentType(ContentType.JSON)
                .body("{\"title\": \"\", \"note\": \"far longer than ten\"}")
                .when().post("/fixture/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("title", "note"));
    }

    @Test
    void a_field_the_resource_does_not_have_is_400_naming_it() {
        given().auth().oauth2(Tokens.partner("agency-a")).contentType(ContentType.JSON)
                .body("{\"title\": \"ok\", \"status\": \"APPROVED\"}")
                .when().post("/fixture/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void an_unknown_path_is_404_problem_json() {
        given().auth().oauth2(Tokens.role("reviewer"))
                .when().get("/fixture/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
