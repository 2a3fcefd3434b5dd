package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Whoever reads an answer is told what went wrong in the language its Accept-Language asks for. */
@QuarkusTest
class ProblemsInTheCallersLanguageTest {
    private static final String AGENCY = "agency-francophone";

    @Test
    void an_agency_that_reads_french_is_told_in_french_why_its_request_cannot_be_amended() {
        UUID id = withdrawn();
        amendWithdrawn(id, "fr-CH, fr;q=0.9, en;q=0.5")
                .header("Content-Language", "fr")
                .header("Vary", org.hamcrest.Matchers.containsString("Accept-Language"))
                .body("title", equalTo("Impossible dans l'état actuel"))
                .body(
                        "detail",
                        equalTo("La demande d'assistance " + id + " est au statut WITHDRAWN ; elle ne peut être "
                                + "modifiée qu'au statut SUBMITTED ou INFORMATION_REQUESTED"));
    }

    @Test
    void an_agency_that_reads_arabic_is_told_in_arabic_why_its_request_cannot_be_amended() {
        UUID id = withdrawn();
        amendWithdrawn(id, "ar")
                .header("Content-Language", "ar")
                .body("title", equalTo("غير ممكن في الحالة الراهنة"))
                .body(
                        "detail",
                        equalTo("حالة طلب المساعدة " + id + " هي WITHDRAWN؛ لا يمكن تعديله إلا وهو في الحالة "
                                + "SUBMITTED أو INFORMATION_REQUESTED"));
    }

    @Test
    void an_agency_that_reads_no_language_of_the_six_is_told_in_english() {
        UUID id = withdrawn();
        amendWithdrawn(id, "de")
                .header("Content-Language", "en")
                .body("title", equalTo("Not possible in the current state"))
                .body(
                        "detail",
                        equalTo("Request " + id + " is WITHDRAWN; it can be amended only while SUBMITTED or "
                                + "INFORMATION_REQUESTED"));
    }

    @Test
    void equipment_asked_for_without_equipment_lines_is_explained_in_french_and_in_arabic() {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        draft.remove("equipmentLines");

        submitted(draft, "fr")
                .statusCode(400)
                .header("Content-Language", "fr")
                .body("title", equalTo("Requête non valide"))
                .body("detail", equalTo("equipmentLines sont obligatoires lorsque EQUIPMENT est demandé"))
                .body("errors[0].field", equalTo("equipmentLines"))
                .body("errors[0].message", equalTo("sont obligatoires lorsque EQUIPMENT est demandé"));

        submitted(draft, "ar")
                .statusCode(400)
                .header("Content-Language", "ar")
                .body("title", equalTo("طلب غير صالح"))
                .body("errors[0].field", equalTo("equipmentLines"))
                .body("errors[0].message", equalTo("مطلوبة عند طلب EQUIPMENT"));
    }

    @Test
    void a_language_code_that_is_not_one_is_explained_in_french_and_in_arabic() {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        draft.put("language", "français");

        submitted(draft, "fr")
                .statusCode(400)
                .header("Content-Language", "fr")
                .body("title", equalTo("Requête non valide"))
                .body("errors[0].field", equalTo("language"))
                .body(
                        "errors[0].message",
                        equalTo("doit être un code de langue ISO 639-1 en minuscules, par exemple en, fr ou es"));

        submitted(draft, "ar")
                .statusCode(400)
                .header("Content-Language", "ar")
                .body("errors[0].field", equalTo("language"))
                .body(
                        "errors[0].message",
                        equalTo("يجب أن يكون رمز لغة وفق ISO 639-1 بأحرف صغيرة، مثل en أو fr أو es"));
    }

    @Test
    void a_blank_title_is_explained_by_bean_validation_in_french_and_in_arabic() {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        draft.put("title", " ");

        submitted(draft, "fr")
                .statusCode(400)
                .header("Content-Language", "fr")
                .body("title", equalTo("Requête non valide"))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("ne doit pas être vide"));

        submitted(draft, "ar")
                .statusCode(400)
                .header("Content-Language", "ar")
                .body("title", equalTo("طلب غير صالح"))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", not(equalTo("must not be blank")));
    }

    @Test
    void a_priority_of_no_state_is_refused_in_spanish_naming_priority_id() {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        UUID priority = UUID.randomUUID();
        draft.put("priorityId", priority.toString());

        submitted(draft, "es-CO")
                .statusCode(422)
                .header("Content-Language", "es")
                .body("title", equalTo("No es una prioridad del país de la solicitud"))
                .body(
                        "detail",
                        equalTo("priorityId: " + priority + " no es una prioridad nacional establecida para KE"))
                .body("errors[0].field", equalTo("priorityId"))
                .body("errors[0].message", equalTo("no es una prioridad nacional del país de la solicitud"));
    }

    private static UUID withdrawn() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingAndEquipment());
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"Funded by the national budget\"}")
                .when()
                .post("/api/v1/requests/" + id + "/withdrawal")
                .then()
                .statusCode(200);
        return id;
    }

    private static io.restassured.response.ValidatableResponse amendWithdrawn(UUID id, String languages) {
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        return given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .header("Accept-Language", languages)
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body("{\"priority\": \"URGENT\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse submitted(Map<String, Object> draft, String languages) {
        return given().auth()
                .oauth2(Tokens.partner(AGENCY + "-careless"))
                .header("Accept-Language", languages)
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .contentType("application/problem+json");
    }
}
