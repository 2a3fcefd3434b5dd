package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.Translation;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A request is written in the language of the State's authority, and may carry its title and
 * needs statement in other languages, for the programme's reviewers and the donors' feeds.
 */
@QuarkusTest
class RequestsInSeveralLanguagesTest {
    private static final String AGENCY = "agency-multilingual";

    private static final String TITLE_ES = "Capacidad de análisis forense digital para la unidad de ciberdelincuencia";
    private static final String NEEDS_ES =
            "Los casos de ransomware se duplicaron; la unidad no tiene bloqueadores de escritura ni peritos formados.";
    private static final String TITLE_FR = "Capacités de criminalistique numérique pour l'unité de cybercriminalité";
    private static final String NEEDS_FR = "Les affaires de rançongiciels ont doublé ; l'unité n'a ni bloqueurs "
            + "d'écriture ni examinateurs formés.";
    private static final String TITLE_EN = "Digital forensics capacity for the cybercrime unit";

    private static Map<String, Object> inSpanishWithFrenchAndEnglish() {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        draft.put("language", "es");
        draft.put("title", TITLE_ES);
        draft.put("needsStatement", NEEDS_ES);
        draft.put(
                "translations",
                List.of(
                        Map.of("language", "fr", "title", TITLE_FR, "needsStatement", NEEDS_FR),
                        Map.of("language", "en", "title", TITLE_EN)));
        return draft;
    }

    @Test
    void a_request_submitted_in_spanish_with_a_french_and_an_english_translation_is_stored_returned_and_published() {
        UUID id = Drafts.submit(AGENCY, inSpanishWithFrenchAndEnglish());

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("language", equalTo("es"))
                .body("title", equalTo(TITLE_ES))
                .body("translations", hasSize(2))
                .body("translations.find { it.language == 'fr' }.title", equalTo(TITLE_FR))
                .body("translations.find { it.language == 'fr' }.needsStatement", equalTo(NEEDS_FR))
                .body("translations.find { it.language == 'en' }.title", equalTo(TITLE_EN))
                .body("translations.find { it.language == 'en' }.needsStatement", nullValue());

        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.language", equalTo("es"))
                .body("items.find { it.id == '" + id + "' }.translations.language", equalTo(List.of("fr", "en")));

        RequestSubmitted submitted = (RequestSubmitted) published(id, "assistance.request.submitted.v1");
        assertThat(submitted.language()).isEqualTo("es");
        assertThat(submitted.translations())
                .containsExactly(new Translation("fr", TITLE_FR, NEEDS_FR), new Translation("en", TITLE_EN, null));
    }

    @Test
    void a_request_that_names_no_language_is_in_english_without_translations() {
        UUID id = Drafts.submit(AGENCY, Drafts.trainingOnly());
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("translations", hasSize(0));
        assertThat(published(id, "assistance.request.submitted.v1"))
                .isInstanceOfSatisfying(RequestSubmitted.class, e -> {
                    assertThat(e.languageOrEnglish()).isEqualTo("en");
                    assertThat(e.translations()).isEmpty();
                });
    }

    @Test
    void an_amendment_adds_a_translation_by_merge_patch_and_the_amended_event_carries_them_all() {
        UUID id = Drafts.submit(AGENCY, inSpanishWithFrenchAndEnglish());
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");

        String russian = "Потенциал цифровой криминалистики для подразделения по борьбе с киберпреступностью";
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON) // a merge patch too; RestAssured writes a Map as JSON for this type
                .header("If-Match", etag)
                .body(Map.of(
                        "translations",
                        List.of(
                                Map.of("language", "fr", "title", TITLE_FR, "needsStatement", NEEDS_FR),
                                Map.of("language", "ru", "title", russian))))
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("language", equalTo("es"))
                .body("translations.language", equalTo(List.of("fr", "ru")))
                .body("translations.find { it.language == 'ru' }.title", equalTo(russian));

        RequestAmended amended = (RequestAmended) published(id, "assistance.request.amended.v1");
        assertThat(amended.language()).isEqualTo("es");
        assertThat(amended.translations())
                .containsExactly(new Translation("fr", TITLE_FR, NEEDS_FR), new Translation("ru", russian, null));
    }

    @Test
    void a_priority_changed_by_merge_patch_keeps_the_language_and_translations() {
        UUID id = Drafts.submit(AGENCY, inSpanishWithFrenchAndEnglish());
        String etag = given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"priority\": \"URGENT\"}")
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("priority", equalTo("URGENT"))
                .body("language", equalTo("es"))
                .body("translations.language", equalTo(List.of("fr", "en")));
    }

    @Test
    void a_translation_in_a_language_already_translated_is_refused_naming_it() {
        Map<String, Object> draft = inSpanishWithFrenchAndEnglish();
        draft.put(
                "translations",
                List.of(Map.of("language", "fr", "title", TITLE_FR), Map.of("language", "fr", "title", "Autre titre")));
        refused(
                draft,
                "translations[1].language",
                "names language fr a second time; each language may be translated once");
    }

    @Test
    void a_translation_in_the_request_s_own_language_is_refused() {
        Map<String, Object> draft = inSpanishWithFrenchAndEnglish();
        draft.put("translations", List.of(Map.of("language", "es", "title", "Otro título")));
        refused(
                draft,
                "translations[0].language",
                "is the request's own language (es); a translation is in another language");
    }

    @Test
    void a_translation_in_english_of_a_request_that_names_no_language_is_in_its_own_language() {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        draft.put("translations", List.of(Map.of("language", "en", "title", "Another title")));
        refused(
                draft,
                "translations[0].language",
                "is the request's own language (en); a translation is in another language");
    }

    @Test
    void an_unknown_or_upper_case_language_code_is_refused_naming_the_field() {
        String rule = "must be an ISO 639-1 language code in lower case, such as en, fr or es";
        Map<String, Object> unknown = inSpanishWithFrenchAndEnglish();
        unknown.put("translations", List.of(Map.of("language", "xx", "title", "?")));
        refused(unknown, "translations[0].language", rule);

        Map<String, Object> upperCase = inSpanishWithFrenchAndEnglish();
        upperCase.put("language", "ES");
        refused(upperCase, "language", rule);

        Map<String, Object> threeLetters = inSpanishWithFrenchAndEnglish();
        threeLetters.put("language", "spa");
        refused(threeLetters, "language", rule);
    }

    @Test
    void a_translation_needs_a_title_within_the_title_s_bounds_and_at_most_ten_translations() {
        Map<String, Object> untitled = inSpanishWithFrenchAndEnglish();
        untitled.put("translations", List.of(Map.of("language", "fr", "title", " ")));
        refused(untitled, "translations[0].title", null);

        Map<String, Object> tooLong = inSpanishWithFrenchAndEnglish();
        tooLong.put("translations", List.of(Map.of("language", "fr", "title", "x".repeat(201))));
        refused(tooLong, "translations[0].title", null);

        Map<String, Object> blankNeeds = inSpanishWithFrenchAndEnglish();
        blankNeeds.put("translations", List.of(Map.of("language", "fr", "title", TITLE_FR, "needsStatement", "  ")));
        refused(blankNeeds, "translations[0].needsStatement", "must not be blank when given");

        Map<String, Object> tooMany = inSpanishWithFrenchAndEnglish();
        tooMany.put(
                "translations",
                List.of("ar", "zh", "fr", "ru", "en", "de", "pt", "it", "ja", "ko", "sw").stream()
                        .map(language -> Map.of("language", language, "title", "t"))
                        .toList());
        refused(tooMany, "translations", null);
    }

    private static void refused(Map<String, Object> draft, String field, String message) {
        var answer = given().auth()
                .oauth2(Tokens.partner("agency-multilingual-refused"))
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        if (message != null) {
            answer.body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
        }
    }

    private static Object published(UUID id, String type) {
        var records = BrokerClient.await(
                Topics.REQUESTS,
                r -> id.toString().equals(r.key()) && type.equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));
        CloudEvent<?> event = EventCodec.decode(records.get(records.size() - 1));
        return event.data();
    }
}
