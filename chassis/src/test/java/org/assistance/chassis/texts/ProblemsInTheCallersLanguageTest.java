package org.assistance.chassis.texts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Every problem answer in the language the caller reads, among the six; English by default. */
@QuarkusTest
class ProblemsInTheCallersLanguageTest {

    @Test
    void a_caller_reading_french_is_told_in_french_that_it_must_sign_in() {
        given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5")
                .when()
                .get("/fixture/requests/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("Content-Language", "fr")
                .header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Authentification requise"))
                .body("detail", equalTo("Un jeton porteur (bearer) valide est requis"));
    }

    @Test
    void a_caller_reading_arabic_is_told_in_arabic_what_does_not_exist() {
        UUID id = UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .header("Accept-Language", "ar")
                .when()
                .get("/fixture/requests/" + id)
                .then()
                .statusCode(404)
                .header("Content-Language", "ar")
                .body("title", equalTo("غير موجود"))
                .body("detail", equalTo("الطلب " + id + " غير موجود"));
    }

    @Test
    void field_errors_come_in_the_callers_language_from_bean_validation_and_from_the_platforms_own_rules() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .header("Accept-Language", "es")
                .contentType(ContentType.JSON)
                .body("{\"title\": \"ok\", \"note\": \"far longer than ten\", \"country\": \"Kenya\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(400)
                .header("Content-Language", "es")
                .body("title", equalTo("Solicitud no válida"))
                .body("detail", equalTo("2 campos no son válidos"))
                .body("errors.message", hasItem("debe ser un código de país ISO 3166-1 alfa-2, como KE o CO"))
                // Hibernate Validator's own message, in its Spanish
                .body("errors.find { it.field == 'note' }.message", containsString("10"))
                .body("errors.find { it.field == 'note' }.message", containsString("tamaño"));
    }

    @Test
    void malformed_json_is_explained_in_russian_and_an_unknown_path_in_chinese() {
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .header("Accept-Language", "ru")
                .contentType(ContentType.JSON)
                .body("{\"title\": \"ok\", \"status\": \"APPROVED\"}")
                .when()
                .post("/fixture/requests")
                .then()
                .statusCode(400)
                .header("Content-Language", "ru")
                .body("title", equalTo("Некорректный JSON"))
                .body("errors[0].message", containsString("не является полем этого ресурса"));
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .header("Accept-Language", "zh-CN")
                .when()
                .get("/fixture/no-such-thing")
                .then()
                .statusCode(404)
                .header("Content-Language", "zh")
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("此地址下没有任何内容"));
    }

    @Test
    void without_accept_language_or_with_a_language_the_platform_does_not_speak_the_answer_is_english() {
        given().when()
                .get("/fixture/requests/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .header("Content-Language", "en")
                .body("title", equalTo("Authentication required"));
        given().header("Accept-Language", "de-DE")
                .when()
                .get("/fixture/requests/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .body("detail", equalTo("A valid bearer token is required"));
    }
}
