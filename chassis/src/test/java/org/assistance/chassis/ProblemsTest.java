package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemsTest {

    @Test
    void malformed_json_is_400_problem_json() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body("{\"title\": ")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", containsString("malformed-json"));
    }

    @Test
    void invalid_fields_are_400_with_one_error_per_field() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body("{\"title\": \"\", \"note\": \"far longer than ten\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("title", "note"));
    }

    @Test
    void a_field_the_resource_does_not_have_is_400_naming_it() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body("{\"title\": \"ok\", \"status\": \"APPROVED\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void an_unknown_path_is_404_problem_json() {
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/fixture/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_control_character_in_a_title_is_refused_naming_the_field_and_nothing_is_written() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body("{\"title\": \"Cyber\\u0001crime\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"))
                .body("detail", containsString("U+0001"));
    }

    @Test
    void tabs_and_line_breaks_are_ordinary_text() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body("{\"title\": \"Line one\\r\\n\\tline two\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(200);
    }

    @Test
    void a_lone_surrogate_or_a_c1_control_is_refused_too() {
        for (String text : new String[] {"\\ud800alone", "next\\u0085line", "del\\u007f"}) {
            given().auth()
                    .oauth2(Tokens.partner("agency-a"))
                    .contentType(ContentType.JSON)
                    .body("{\"title\": \"" + text + "\"}")
                    .when()
                    .post("/fixture/requests")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("title"));
        }
    }

    @Test
    void a_number_where_the_contract_says_text_is_refused_not_turned_into_text() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body("{\"title\": 1399549031}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void a_malformed_uuid_in_the_path_is_400_not_404() {
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/fixture/requests/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("invalid-parameter"));
    }

    @Test
    void a_bad_enum_date_or_number_in_the_query_is_400_and_names_no_class() {
        for (String query : new String[] {
            "stage=SOMEWHERE", "since=2026-13-45", "since=yesterday", "limit=lots", "limit=99999999999999999999"
        }) {
            given().auth()
                    .oauth2(Tokens.role("reviewer"))
                    .when()
                    .get("/fixture/requests?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.not(containsString("org.")));
        }
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/fixture/requests?stage=OPEN&since=2026-12-01&limit=5")
                .then()
                .statusCode(200);
    }
}
