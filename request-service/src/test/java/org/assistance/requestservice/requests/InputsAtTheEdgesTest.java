package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What a careless or hostile client may send at the edges of each field: numbers beyond any
 * quantity, dates beyond any calendar, repeated values, oversized headers and query values, text in
 * any script. Each is a 400 problem naming the field (or is kept as written), never a 500, and
 * nothing is written.
 */
@QuarkusTest
class InputsAtTheEdgesTest {

    @Test
    void a_desired_date_more_than_ten_years_away_is_refused_naming_it() {
        String agency = agency();
        refused(
                agency,
                d -> d.put(
                        "desiredBy", LocalDate.now().plusYears(10).plusDays(1).toString()),
                "desiredBy");
        refused(agency, d -> d.put("desiredBy", "9999-12-31"), "desiredBy");
        refused(agency, d -> d.put("desiredBy", "+999999999-12-31"), "desiredBy");
        nothingWritten(agency);
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(with(d -> d.put("desiredBy", LocalDate.now().plusYears(10).toString())))
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(201);
    }

    @Test
    void huge_and_negative_numbers_are_refused_naming_the_field() {
        String agency = agency();
        refused(
                agency,
                d -> d.put(
                        "equipmentLines",
                        List.of(Map.of("itemCode", "FOR-WB-001", "quantity", 99_999_999_999L, "justification", "j"))),
                "equipmentLines[0].quantity");
        refused(
                agency,
                d -> d.put(
                        "equipmentLines",
                        List.of(Map.of("itemCode", "FOR-WB-001", "quantity", -3, "justification", "j"))),
                "equipmentLines[0].quantity");
        refused(
                agency,
                d -> d.put("trainingNeeds", List.of(Map.of("topic", "t", "expectedParticipants", 2_147_483_648L))),
                "trainingNeeds[0].expectedParticipants");
        refused(
                agency,
                d -> d.put("estimatedValue", Map.of("amount", 1e300, "currency", "EUR")),
                "estimatedValue.amount");
        refused(
                agency,
                d -> d.put("estimatedValue", Map.of("amount", "12345678901234567.00", "currency", "EUR")),
                "estimatedValue.amount");
        refused(
                agency,
                d -> d.put("estimatedValue", Map.of("amount", "-5.00", "currency", "EUR")),
                "estimatedValue.amount");
        refused(
                agency,
                d -> d.put("estimatedValue", Map.of("amount", "0.001", "currency", "EUR")),
                "estimatedValue.amount");
        nothingWritten(agency);
    }

    @Test
    void the_same_kind_of_assistance_named_twice_is_refused() {
        String agency = agency();
        refused(agency, d -> d.put("assistanceTypes", List.of("TRAINING", "EQUIPMENT", "TRAINING")), "assistanceTypes");
        refused(agency, d -> d.put("assistanceTypes", List.of()), "assistanceTypes");
        refused(
                agency,
                d -> d.put(
                        "assistanceTypes",
                        List.of(
                                "TRAINING",
                                "EQUIPMENT",
                                "LEGISLATIVE_ADVISORY",
                                "MENTORING_ADVISORY",
                                "NEEDS_ASSESSMENT",
                                "KNOWLEDGE_SHARING",
                                "TRAINING")),
                "assistanceTypes");
        nothingWritten(agency);
    }

    @Test
    void a_title_in_any_script_with_emoji_is_kept_as_written_and_one_of_201_characters_is_refused() {
        String agency = agency();
        String title = "Криминалистика — 数字取证 — تحقيق رقمي — café 🔍🇰🇪";
        UUID id = Drafts.submit(agency, with(d -> d.put("title", title)));
        given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo(title));
        String longest = "é".repeat(200);
        Drafts.submit(agency, with(d -> d.put("title", longest)));
        refused(agency, d -> d.put("title", longest + "é"), "title");
        refused(
                agency,
                d -> d.put("requestingAuthority", Map.of("name", "n".repeat(201), "kind", "POLICE")),
                "requestingAuthority.name");
    }

    @Test
    void an_oversized_idempotency_key_cursor_or_country_filter_is_refused_naming_it() {
        String agency = agency();
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k".repeat(201))
                .body(with(d -> {}))
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("idempotencyKey"));
        nothingWritten(agency);
        listing(agency, "cursor", "c".repeat(201)).body("errors.field", hasItem("cursor"));
        listing(agency, "country", "KEN").body("errors.field", hasItem("country"));
        listing(agency, "country", "ke").body("errors.field", hasItem("country"));
    }

    @Test
    void a_search_beyond_any_calendar_is_refused_naming_the_parameter() {
        String agency = agency();
        listing(agency, "submittedTo", "+10000-01-01T00:00:00Z").body("errors.field", hasItem("submittedTo"));
        listing(agency, "submittedFrom", "-5000-01-01T00:00:00Z").body("errors.field", hasItem("submittedFrom"));
        given().auth()
                .oauth2(Tokens.partner(agency))
                .queryParam("submittedFrom", "+999999999-12-31T23:59:59Z")
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // a forged cursor naming a time beyond the calendar, in the format the API gives out
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("+999999999-12-31T23:59:59Z|" + UUID.randomUUID())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        listing(agency, "cursor", forged).body("errors.field", hasItem("cursor"));
    }

    @Test
    void an_amendment_beyond_the_bounds_is_refused_and_changes_nothing() {
        String agency = agency();
        UUID id = Drafts.submit(agency, Drafts.trainingAndEquipment());
        String etag = given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .extract()
                .header("ETag");
        amending(agency, id, etag, "{\"desiredBy\": \"+999999999-12-31\"}").statusCode(400);
        amending(agency, id, etag, "{\"desiredBy\": \"" + LocalDate.now().plusYears(11) + "\"}")
                .statusCode(400)
                .body("errors.field", hasItem("desiredBy"));
        amending(
                        agency,
                        id,
                        etag,
                        "{\"equipmentLines\": [{\"itemCode\": \"FOR-WB-001\", \"quantity\": 99999999999, "
                                + "\"justification\": \"j\"}]}")
                .statusCode(400);
        amending(agency, id, etag, "{\"assistanceTypes\": [\"EQUIPMENT\", \"TRAINING\", \"EQUIPMENT\"]}")
                .statusCode(400)
                .body("errors.field", hasItem("assistanceTypes"));
        amending(agency, id, etag, "{\"title\": \"" + "t".repeat(201) + "\"}")
                .statusCode(400)
                .body("errors.field", hasItem("title"));
        amending(agency, id, "\"99999999999999999999\"", "{\"priority\": \"LOW\"}")
                .statusCode(412);
        amending(agency, id, "\"" + "9".repeat(300) + "\"", "{\"priority\": \"LOW\"}")
                .statusCode(400)
                .body("errors.field", hasItem("ifMatch"));
        given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .header("ETag", equalTo(etag))
                .body("priority", equalTo("HIGH"));
    }

    @Test
    void a_withdrawal_reason_or_completion_comment_over_2000_characters_and_a_rating_beyond_int_are_refused() {
        String agency = agency();
        UUID id = Drafts.submit(agency, Drafts.trainingAndEquipment());
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "r".repeat(2_001)))
                .when()
                .post("/api/v1/requests/" + id + "/withdrawal")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(Map.of("satisfaction", 5, "comment", "c".repeat(2_001)))
                .when()
                .post("/api/v1/requests/" + id + "/completion")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("comment"));
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body("{\"satisfaction\": 9223372036854775808}")
                .when()
                .post("/api/v1/requests/" + id + "/completion")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/requests/" + id)
                .then()
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    void a_body_nested_thousands_deep_is_refused_not_a_500() {
        String agency = agency();
        String deep = "{\"title\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(deep)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        nothingWritten(agency);
    }

    private static String agency() {
        return "agency-edge-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        change.accept(draft);
        return draft;
    }

    private static void refused(String agency, Consumer<Map<String, Object>> change, String field) {
        given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(with(change))
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static ValidatableResponse listing(String agency, String parameter, String value) {
        return given().auth()
                .oauth2(Tokens.partner(agency))
                .queryParam(parameter, value)
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse amending(String agency, UUID id, String etag, String patch) {
        return given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(patch)
                .when()
                .patch("/api/v1/requests/" + id)
                .then()
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    private static void nothingWritten(String agency) {
        given().auth()
                .oauth2(Tokens.partner(agency))
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }
}
