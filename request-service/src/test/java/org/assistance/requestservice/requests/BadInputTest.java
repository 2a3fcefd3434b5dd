package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each bad input is a 4xx problem+json naming the field, and nothing is written. */
@QuarkusTest
class BadInputTest {
    private static final String AGENCY = "agency-careless";

    @AfterEach
    void nothing_was_written() {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .when()
                .get("/api/v1/requests")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void an_unknown_country_is_refused() {
        refused(d -> d.put("country", "XK1"), "country");
        refused(d -> d.put("country", "ZZ"), "country");
    }

    @Test
    void an_unknown_currency_is_refused() {
        refused(d -> d.put("estimatedValue", Map.of("amount", "100.00", "currency", "EUX")), "estimatedValue.currency");
    }

    @Test
    void an_unknown_enum_value_is_refused_with_the_allowed_ones() {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(with(d -> d.put("thematicArea", "SPACE_PIRACY")))
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("thematicArea"))
                .body("errors[0].message", containsString("CYBERCRIME"));
    }

    @Test
    void empty_and_oversized_texts_are_refused() {
        refused(d -> d.put("title", "   "), "title");
        refused(d -> d.put("title", "x".repeat(201)), "title");
        refused(d -> d.put("needsStatement", "y".repeat(10_001)), "needsStatement");
    }

    @Test
    void quantities_out_of_range_are_refused() {
        refused(
                d -> d.put("equipmentLines", List.of(Map.of("itemCode", "A-1", "quantity", 0, "justification", "j"))),
                "equipmentLines[0].quantity");
        refused(
                d -> d.put(
                        "equipmentLines", List.of(Map.of("itemCode", "A-1", "quantity", 10_001, "justification", "j"))),
                "equipmentLines[0].quantity");
    }

    @Test
    void equipment_lines_without_equipment_and_equipment_without_lines_are_refused() {
        refused(d -> d.put("assistanceTypes", List.of("TRAINING")), "equipmentLines");
        refused(d -> d.remove("equipmentLines"), "equipmentLines");
    }

    @Test
    void a_desired_date_in_the_past_is_refused() {
        refused(d -> d.put("desiredBy", LocalDate.now().minusDays(1).toString()), "desiredBy");
    }

    @Test
    void server_owned_fields_cannot_be_set() {
        refused(d -> d.put("status", "APPROVED"), "status");
        refused(d -> d.put("id", "00000000-0000-0000-0000-000000000001"), "id");
        refused(d -> d.put("agencyId", "agency-other"), "agencyId");
    }

    @Test
    void malformed_json_is_400() {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body("{\"country\": \"KE\",")
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_body_over_256_kib_is_413() {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(with(d -> d.put("needsStatement", "z".repeat(300 * 1024))))
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void a_wrong_content_type_is_415() {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.XML)
                .body("<request/>")
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> draft = Drafts.trainingAndEquipment();
        change.accept(draft);
        return draft;
    }

    private static void refused(Consumer<Map<String, Object>> change, String field) {
        given().auth()
                .oauth2(Tokens.partner(AGENCY))
                .contentType(ContentType.JSON)
                .body(with(change))
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
