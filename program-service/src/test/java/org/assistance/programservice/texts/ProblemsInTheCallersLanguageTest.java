package org.assistance.programservice.texts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.texts.Languages;
import org.assistance.programservice.Scenario;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * program-service answers its problems in the language the caller reads (Accept-Language): the
 * title, the detail and each field's message, with Content-Language saying which and Vary keeping
 * a cache from handing one reader's answer to another. English for a caller who asks for none of
 * the six. (The titles shared by every service are the chassis' texts: asserted through it.)
 */
@QuarkusTest
class ProblemsInTheCallersLanguageTest {

    @Test
    void a_reviewer_reading_french_is_told_in_french_that_a_rejected_request_cannot_be_approved() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();
        decide(request, "fr", Map.of("decision", "REJECT", "reasonCode", "OUT_OF_MANDATE"))
                .then()
                .statusCode(200);
        decide(request, "fr-CH, en;q=0.5", Scenario.approval(programme, "1000.00", 4, true))
                .then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .header("Content-Language", "fr")
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo(Problem.TYPE_BASE + "conflict"))
                .body("title", equalTo(Problem.title(Languages.FRENCH, "conflict")))
                .body("detail", equalTo("La demande d'assistance " + request + " a déjà le statut REJECTED"));
    }

    @Test
    void a_reviewer_reading_arabic_is_told_in_arabic_which_line_of_an_approval_asks_for_more_than_was_asked() {
        String programme = Scenario.fundedProgramme("100000.00");
        UUID request = Scenario.submittedRequest();
        String four = NumberFormat.getIntegerInstance(Languages.ARABIC).format(4);
        decide(request, "ar", Scenario.approval(programme, "1000.00", 5, false))
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .header("Content-Language", "ar")
                .body("title", equalTo(Problem.title(Languages.ARABIC, "validation")))
                .body("errors[0].field", equalTo("equipmentLines[0].quantity"))
                .body("errors[0].message", equalTo("يتجاوز الكمية المطلوبة وهي " + four))
                .body("detail", equalTo("equipmentLines[0].quantity يتجاوز الكمية المطلوبة وهي " + four));
        // a reason the reviewer left out, and the rule a rejection keeps
        decide(request, "ar", Map.of("decision", "REJECT", "reasonCode", "OTHER"))
                .then()
                .statusCode(400)
                .header("Content-Language", "ar")
                .body("errors[0].field", equalTo("comment"))
                .body("errors[0].message", equalTo("مطلوب عندما يكون السبب OTHER"));
    }

    @Test
    void an_admin_reading_spanish_is_told_in_spanish_what_a_programme_code_and_prefix_must_look_like() {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .header("Accept-Language", "es-419")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "glocy",
                        "name",
                        "Global Programme on Cybercrime",
                        "thematicAreas",
                        List.of("CYBERCRIME"),
                        "currency",
                        "USD",
                        "iatiActivityPrefix",
                        "XM DAC?"))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(400)
                .header("Content-Language", "es")
                .body("title", equalTo(Problem.title(Languages.SPANISH, "validation")))
                .body("errors.field", equalTo(List.of("code", "iatiActivityPrefix")))
                .body("errors[0].message", equalTo("debe constar de letras mayúsculas y dígitos"))
                .body("errors[1].message", equalTo("no debe contener / & | ? ni espacios"));
    }

    @Test
    void a_programme_code_in_the_path_is_checked_in_russian_for_a_reader_of_russian() {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .header("Accept-Language", "ru")
                .when()
                .get("/api/v1/programmes/glocy/indicators")
                .then()
                .statusCode(400)
                .header("Content-Language", "ru")
                .body("errors[0].message", equalTo("должно состоять из заглавных букв и цифр"));
    }

    @Test
    void a_review_case_that_does_not_exist_is_not_found_in_french_and_in_chinese() {
        UUID nobody = UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .header("Accept-Language", "fr")
                .when()
                .get("/api/v1/reviews/" + nobody)
                .then()
                .statusCode(404)
                .header("Content-Language", "fr")
                .body("title", equalTo(Problem.title(Languages.FRENCH, "not-found")))
                .body("detail", equalTo("Le dossier d'examen " + nobody + " n'existe pas"));
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .header("Accept-Language", "zh-Hans-CN")
                .when()
                .get("/api/v1/reviews/" + nobody)
                .then()
                .statusCode(404)
                .header("Content-Language", "zh")
                .body("detail", equalTo("审查案卷 " + nobody + " 不存在"));
    }

    @Test
    void a_reviewer_reading_spanish_is_told_in_spanish_that_the_funds_do_not_cover_an_approval() {
        String programme = Scenario.fundedProgramme("1000.00");
        UUID request = Scenario.submittedRequest();
        decide(request, "es", Scenario.approval(programme, "2000.00", 4, true))
                .then()
                .statusCode(409)
                .header("Content-Language", "es")
                .body("type", equalTo(Problem.TYPE_BASE + "insufficient-funds"))
                .body("title", equalTo("Fondos insuficientes"))
                .body(
                        "detail",
                        equalTo("El programa " + programme + " tiene 1000.00 USD de fondos no asignados y ninguna "
                                + "contribución asignada a KE / CYBERCRIME con saldo suficiente; no pueden "
                                + "comprometerse 2000.00"));
    }

    @Test
    void an_admin_reading_french_is_told_in_french_that_a_pledge_carries_no_earmark() {
        String programme = Scenario.fundedProgramme("1000.00");
        given().auth()
                .oauth2(Tokens.role("admin"))
                .header("Accept-Language", "fr")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "donorId",
                        "donor-" + programme.toLowerCase(),
                        "amount",
                        Map.of("amount", "10.00", "currency", "USD"),
                        "date",
                        LocalDate.now().toString(),
                        "earmark",
                        Map.of("countries", List.of("KE"))))
                .when()
                .post("/api/v1/programmes/" + programme + "/pledges")
                .then()
                .statusCode(400)
                .header("Content-Language", "fr")
                .body("errors[0].field", equalTo("earmark"))
                .body(
                        "errors[0].message",
                        equalTo("est réservé aux contributions (fonds reçus), non aux annonces de contributions"));
    }

    @Test
    void a_caller_reading_none_of_the_six_languages_is_answered_in_english() {
        String programme = Scenario.fundedProgramme("1000.00");
        UUID request = Scenario.submittedRequest();
        for (String language : new String[] {"de", null}) {
            decide(request, language, Scenario.approval(programme, "2000.00", 4, true))
                    .then()
                    .statusCode(409)
                    .header("Content-Language", "en")
                    .body("title", equalTo("Insufficient funds"))
                    .body("detail", containsString("of unearmarked funds left and no contribution earmarked for KE"))
                    .body("detail", not(containsString("{")));
        }
        given().auth()
                .oauth2(Tokens.role("admin"))
                .header("Accept-Language", "de-DE")
                .when()
                .get("/api/v1/programmes/NOSUCH")
                .then()
                .statusCode(404)
                .header("Content-Language", "en")
                .body("detail", equalTo("Programme NOSUCH does not exist"));
    }

    @Test
    void every_language_names_the_field_it_refuses_as_the_api_spells_it() {
        UUID request = Scenario.submittedRequest();
        for (String language : List.of("ar", "es", "fr", "ru", "zh")) {
            decide(request, language, Map.of("decision", "REQUEST_INFORMATION"))
                    .then()
                    .statusCode(400)
                    .header("Content-Language", language)
                    .body("errors.field", hasItem("questions"))
                    .body("errors[0].message", not(equalTo("are required to ask the agency for information")));
        }
    }

    private static Response decide(UUID request, String language, Map<String, Object> body) {
        var call = given().auth().oauth2(Tokens.person("reviewer-ana", "reviewer"));
        if (language != null) {
            call = call.header("Accept-Language", language);
        }
        return call.contentType(ContentType.JSON).body(body).when().post("/api/v1/reviews/" + request + "/decision");
    }
}
