package org.assistance.reportingservice.texts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The service's problems, field errors included, come in the caller's language (Accept-Language). */
@QuarkusTest
class ProblemsInTheCallersLanguageTest {
    @Test
    void staff_reading_french_are_told_in_french_that_a_request_has_no_timeline() {
        UUID request = UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.role("operations"))
                .header("Accept-Language", "fr-FR")
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(404)
                .header("Content-Language", "fr")
                .body("title", equalTo("Introuvable"))
                .body("detail", equalTo("La demande d'assistance " + request + " n'existe pas"));
    }

    @Test
    void a_programme_that_does_not_exist_is_said_so_in_spanish_and_its_code_as_given() {
        given().auth()
                .oauth2(Tokens.role("operations"))
                .header("Accept-Language", "es-ES")
                .when()
                .get("/api/v1/programmes/NOPE-42/results")
                .then()
                .statusCode(404)
                .header("Content-Language", "es")
                .body("title", equalTo("No encontrado"))
                .body("detail", equalTo("El programa NOPE-42 no existe"));
    }

    @Test
    void a_cursor_the_timeline_never_gave_out_is_refused_in_french_whichever_check_finds_it() {
        given().auth()
                .oauth2(Tokens.role("operations"))
                .header("Accept-Language", "fr")
                .get("/api/v1/requests/" + UUID.randomUUID() + "/timeline?after=not*ours")
                .then()
                .statusCode(400)
                .header("Content-Language", "fr")
                .body("errors.message", hasItem("n'est pas un curseur fourni par cette chronologie"));
        given().auth()
                .oauth2(Tokens.role("operations"))
                .header("Accept-Language", "fr")
                .get("/api/v1/requests/" + UUID.randomUUID() + "/timeline?after=bm90LW91cnM")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"))
                .body("errors[0].message", equalTo("n'est pas un curseur fourni par cette chronologie"));
    }

    @Test
    void operations_reading_russian_are_told_in_russian_what_is_wrong_with_a_barriers_query() {
        given().auth()
                .oauth2(Tokens.role("operations"))
                .header("Accept-Language", "ru")
                .get("/api/v1/barriers?from=2025-02-01&to=2025-01-01")
                .then()
                .statusCode(400)
                .header("Content-Language", "ru")
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", equalTo("не должна быть раньше from"));
        given().auth()
                .oauth2(Tokens.role("operations"))
                .header("Accept-Language", "ru")
                .get("/api/v1/barriers?country=K1")
                .then()
                .statusCode(400)
                .body("errors.message", hasItem("должно быть кодом ISO 3166-1 alpha-2, например KE"));
        given().auth()
                .oauth2(Tokens.role("operations"))
                .header("Accept-Language", "ru")
                .get("/api/v1/barriers?basis=SANCTIONS")
                .then()
                .statusCode(400)
                .body(
                        "errors[0].message",
                        equalTo("должно быть одним из значений UN_SECURITY_COUNCIL, UNILATERAL_MEASURE, "
                                + "NATIONAL_EXPORT_CONTROL, OTHER"));
    }
}
