package org.assistance.equipmentservice.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class CatalogueTest {

    public static void add(String code, String category, boolean dualUse, String cost) {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "Item " + code,
                        "category",
                        category,
                        "unitCost",
                        Map.of("amount", cost, "currency", "EUR"),
                        "dualUse",
                        dualUse))
                .when()
                .post("/api/v1/catalogue")
                .then()
                .statusCode(201);
    }

    @Test
    void admin_adds_an_item_and_partners_read_the_catalogue() {
        add("FOR-WB-100", "FORENSIC_IT", false, "1250.00");
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/catalogue")
                .then()
                .statusCode(200)
                .body("code", hasItem("FOR-WB-100"))
                .body("find { it.code == 'FOR-WB-100' }.unitCost.amount", equalTo(1250.00f));
    }

    @Test
    void only_admin_changes_the_catalogue() {
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "X-1",
                        "name",
                        "x",
                        "category",
                        "OFFICE_IT",
                        "unitCost",
                        Map.of("amount", "1.00", "currency", "EUR")))
                .when()
                .post("/api/v1/catalogue")
                .then()
                .statusCode(403);
    }

    @Test
    void an_item_code_is_added_once() {
        add("COM-RAD-7", "COMMUNICATIONS", false, "300.00");
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "COM-RAD-7",
                        "name",
                        "again",
                        "category",
                        "COMMUNICATIONS",
                        "unitCost",
                        Map.of("amount", "1.00", "currency", "EUR")))
                .when()
                .post("/api/v1/catalogue")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void bad_items_are_refused_with_the_fields_named() {
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "bad code",
                        "name",
                        "",
                        "category",
                        "OFFICE_IT",
                        "unitCost",
                        Map.of("amount", "-5", "currency", "XXX1")))
                .when()
                .post("/api/v1/catalogue")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("unitCost.amount"))
                .body("errors.field", hasItem("unitCost.currency"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "OK-1",
                        "name",
                        "ok",
                        "category",
                        "SPACESHIPS",
                        "unitCost",
                        Map.of("amount", "5", "currency", "EUR")))
                .when()
                .post("/api/v1/catalogue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("category"));
    }
}
