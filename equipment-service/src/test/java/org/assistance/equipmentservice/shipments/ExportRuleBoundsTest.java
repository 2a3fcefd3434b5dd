package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assistance.equipmentservice.Logistics;
import org.assistance.equipmentservice.screening.ExportRule;
import org.assistance.equipmentservice.screening.ExportRules;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export rules stay within what the contract says a rule, and a shipment's hits, can hold. */
@QuarkusTest
class ExportRuleBoundsTest {

    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }

    private static Map<String, Object> rule(String destination, String target, String reference) {
        return Map.of(
                "destination",
                destination,
                "target",
                target,
                "measure",
                "LICENCE_REQUIRED",
                "reference",
                reference,
                "reason",
                "Bounds test",
                "basis",
                "OTHER");
    }

    private static Response add(Map<String, Object> rule) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(rule)
                .when()
                .post("/api/v1/export-rules");
    }

    @Test
    void an_admin_cannot_put_more_than_ten_rules_for_one_destination_and_category_in_force() {
        // Tuvalu: no other test ships there, so these rules hold nothing of theirs
        List<String> added = new ArrayList<>();
        try {
            for (int i = 0; i < ExportRules.MAX_RULES_PER_DESTINATION_AND_TARGET; i++) {
                added.add(add(rule("TV", "OFFICE_IT", "Measure " + i))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            add(rule("TV", "OFFICE_IT", "One too many"))
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("in force already"));
            String other = add(rule("TV", "LABORATORY", "Another category"))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            added.add(other);
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .contentType(ContentType.JSON)
                    .body(rule("TV", "OFFICE_IT", "Moved over"))
                    .when()
                    .put("/api/v1/export-rules/" + other)
                    .then()
                    .statusCode(409);
            Logistics.retire(added.remove(0));
            added.add(add(rule("TV", "OFFICE_IT", "Room again"))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        } finally {
            added.forEach(Logistics::retire);
        }
    }

    @Test
    void a_rule_changed_a_hundred_times_must_be_retired_and_made_anew() {
        String id = add(rule("TV", "VEHICLES", "Revision 0"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            for (int i = 1; i <= ExportRule.MAX_REVISIONS; i++) {
                given().auth()
                        .oauth2(Tokens.role("admin"))
                        .contentType(ContentType.JSON)
                        .body(rule("TV", "VEHICLES", "Revision " + i))
                        .when()
                        .put("/api/v1/export-rules/" + id)
                        .then()
                        .statusCode(200);
            }
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .contentType(ContentType.JSON)
                    .body(rule("TV", "VEHICLES", "Revision 101"))
                    .when()
                    .put("/api/v1/export-rules/" + id)
                    .then()
                    .statusCode(409)
                    .body("detail", containsString("retire it"));
        } finally {
            Logistics.retire(id);
        }
    }

    @Test
    void rules_with_fields_longer_than_the_contract_are_refused_naming_the_field() {
        add(rule("KEN", "OFFICE_IT", "x")).then().statusCode(400).body("errors.field", hasItem("destination"));
        add(rule("TV", "T".repeat(31), "x")).then().statusCode(400).body("errors.field", hasItem("target"));
        add(rule("TV", "OFFICE_IT", "R".repeat(201))).then().statusCode(400).body("errors.field", hasItem("reference"));
        String id = add(rule("TV", "TRAINING_MATERIAL", "Lifted later"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.role("admin"))
                .queryParam("reason", "x".repeat(2_001))
                .when()
                .delete("/api/v1/export-rules/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("reason")));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .queryParam("reason", "Lifted\u0000")
                .when()
                .delete("/api/v1/export-rules/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("reason")));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .queryParam("reason", "Sanctions lifted")
                .when()
                .delete("/api/v1/export-rules/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void the_rules_are_read_a_page_at_a_time() {
        String first = add(rule("TV", "COMMUNICATIONS", "Paged 1"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = add(rule("TV", "COMMUNICATIONS", "Paged 2"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            List<String> all = given().auth()
                    .oauth2(Tokens.role("reviewer"))
                    .when()
                    .get("/api/v1/export-rules")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("id");
            List<String> paged = new ArrayList<>();
            String next = "/api/v1/export-rules?limit=1";
            while (next != null) {
                Response page =
                        given().auth().oauth2(Tokens.role("reviewer")).when().get(next);
                page.then().statusCode(200);
                paged.addAll(page.jsonPath().getList("id"));
                String link = page.header("Link");
                next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            }
            assertThat(paged).containsExactlyElementsOf(all);
        } finally {
            Logistics.retire(first);
            Logistics.retire(second);
        }
    }
}
