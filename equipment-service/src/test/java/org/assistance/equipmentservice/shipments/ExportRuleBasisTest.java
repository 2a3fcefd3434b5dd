package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every export rule states what it rests on, and a held shipment keeps it as the rule read then. */
@QuarkusTest
class ExportRuleBasisTest {

    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }

    private static Map<String, Object> rule(
            String destination, String target, String measure, String basis, String imposedBy, String instrument) {
        Map<String, Object> body = new HashMap<>();
        body.put("destination", destination);
        body.put("target", target);
        body.put("measure", measure);
        body.put("reference", "Basis test " + target);
        body.put("reason", "What the measure covers");
        if (basis != null) {
            body.put("basis", basis);
        }
        if (imposedBy != null) {
            body.put("imposedBy", imposedBy);
        }
        if (instrument != null) {
            body.put("instrument", instrument);
        }
        return body;
    }

    private static Response add(Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.person("admin-ines", "admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/export-rules");
    }

    private static Response change(String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.person("admin-ines", "admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/export-rules/" + id);
    }

    @Test
    void a_rule_without_a_basis_is_refused_naming_the_field_and_nothing_is_added() {
        int before = rulesEverMade();
        add(rule("TV", "VEHICLES", "PROHIBITED", null, "UN Security Council", null))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("basis"));
        add(rule("TV", "VEHICLES", "PROHIBITED", "EMBARGO", "UN Security Council", null))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // who imposed it is required unless the basis is OTHER
        for (String basis : List.of("UN_SECURITY_COUNCIL", "UNILATERAL_MEASURE", "NATIONAL_EXPORT_CONTROL")) {
            add(rule("TV", "VEHICLES", "PROHIBITED", basis, null, "S/RES/2397 (2017)"))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("imposedBy"));
            add(rule("TV", "VEHICLES", "PROHIBITED", basis, "   ", null))
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("imposedBy"));
        }
        add(rule("TV", "VEHICLES", "PROHIBITED", "UNILATERAL_MEASURE", "E".repeat(201), null))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("imposedBy"));
        add(rule("TV", "VEHICLES", "PROHIBITED", "UNILATERAL_MEASURE", "European Union", "I".repeat(301)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("instrument"));
        assertThat(rulesEverMade()).isEqualTo(before);

        // a change must state it too
        String id = add(rule("TV", "VEHICLES", "PROHIBITED", "OTHER", null, null))
                .then()
                .statusCode(201)
                .body("basis", equalTo("OTHER"))
                .body("imposedBy", nullValue())
                .extract()
                .path("id");
        change(id, rule("TV", "VEHICLES", "PROHIBITED", null, "European Union", null))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("basis"));
        change(id, rule("TV", "VEHICLES", "PROHIBITED", "UN_SECURITY_COUNCIL", null, null))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("imposedBy"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/export-rules")
                .then()
                .body("find { it.id == '" + id + "' }.revisions.size()", equalTo(0));
    }

    @Test
    void each_basis_is_accepted_shown_and_kept_in_the_revisions() {
        String id = add(rule(
                        "TV",
                        "SURVEILLANCE",
                        "PROHIBITED",
                        "UN_SECURITY_COUNCIL",
                        "  UN Security Council (1718 Committee) ",
                        "S/RES/2397 (2017)"))
                .then()
                .statusCode(201)
                .body("basis", equalTo("UN_SECURITY_COUNCIL"))
                .body("imposedBy", equalTo("UN Security Council (1718 Committee)"))
                .body("instrument", equalTo("S/RES/2397 (2017)"))
                .extract()
                .path("id");
        change(
                        id,
                        rule(
                                "TV",
                                "SURVEILLANCE",
                                "LICENCE_REQUIRED",
                                "UNILATERAL_MEASURE",
                                "European Union",
                                "Council Regulation (EU) 2021/821, Annex I"))
                .then()
                .statusCode(200)
                .body("basis", equalTo("UNILATERAL_MEASURE"));
        change(
                        id,
                        rule(
                                "TV",
                                "SURVEILLANCE",
                                "LICENCE_REQUIRED",
                                "NATIONAL_EXPORT_CONTROL",
                                "Ministry of Trade of Austria",
                                null))
                .then()
                .statusCode(200)
                .body("instrument", nullValue());
        change(id, rule("TV", "SURVEILLANCE", "LICENCE_REQUIRED", "OTHER", null, "Carrier policy"))
                .then()
                .statusCode(200)
                .body("basis", equalTo("OTHER"))
                .body("imposedBy", nullValue())
                .body("instrument", equalTo("Carrier policy"))
                .body("revisions.size()", equalTo(3))
                .body("revisions[0].basis", equalTo("UN_SECURITY_COUNCIL"))
                .body("revisions[0].imposedBy", equalTo("UN Security Council (1718 Committee)"))
                .body("revisions[0].instrument", equalTo("S/RES/2397 (2017)"))
                .body("revisions[0].measure", equalTo("PROHIBITED"))
                .body("revisions[1].basis", equalTo("UNILATERAL_MEASURE"))
                .body("revisions[1].imposedBy", equalTo("European Union"))
                .body("revisions[1].instrument", equalTo("Council Regulation (EU) 2021/821, Annex I"))
                .body("revisions[2].basis", equalTo("NATIONAL_EXPORT_CONTROL"))
                .body("revisions[2].imposedBy", equalTo("Ministry of Trade of Austria"))
                .body("revisions[2].instrument", nullValue());
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/export-rules")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.basis", equalTo("OTHER"))
                .body("find { it.id == '" + id + "' }.revisions[1].imposedBy", equalTo("European Union"));
    }

    @Test
    void a_held_shipments_hits_and_its_held_event_carry_the_rules_basis_and_keep_it_when_the_rule_changes() {
        String warehouse = Logistics.unique("W");
        String camera = Logistics.unique("SUR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(camera, "SURVEILLANCE", true, "700.00");
        Logistics.stock(warehouse, camera, 3);
        String rule = add(rule(
                        "KP",
                        "SURVEILLANCE",
                        "PROHIBITED",
                        "UN_SECURITY_COUNCIL",
                        "UN Security Council (1718 Committee)",
                        "S/RES/2397 (2017)"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID request = Logistics.approve("KP", "agency-kp", Map.of(camera, 1));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");

        shipment(shipment)
                .then()
                .body("status", equalTo("HELD"))
                .body("hits.size()", equalTo(1))
                .body("hits[0].ruleId", equalTo(rule))
                .body("hits[0].basis", equalTo("UN_SECURITY_COUNCIL"))
                .body("hits[0].imposedBy", equalTo("UN Security Council (1718 Committee)"))
                .body("hits[0].instrument", equalTo("S/RES/2397 (2017)"));
        ShipmentHeld held = Logistics.awaitEvent(request, ShipmentHeld.class);
        assertThat(held.hits())
                .singleElement()
                .isEqualTo(new ScreeningHit(
                        camera,
                        "SURVEILLANCE",
                        UUID.fromString(rule),
                        "PROHIBITED",
                        "Basis test SURVEILLANCE",
                        "What the measure covers",
                        "UN_SECURITY_COUNCIL",
                        "UN Security Council (1718 Committee)",
                        "S/RES/2397 (2017)"));

        // the rule is reworded later: the held line keeps what held it
        change(
                        rule,
                        rule(
                                "KP",
                                "SURVEILLANCE",
                                "PROHIBITED",
                                "UNILATERAL_MEASURE",
                                "European Union",
                                "Council Regulation (EU) 2017/1509"))
                .then()
                .statusCode(200);
        shipment(shipment)
                .then()
                .body("hits.size()", equalTo(1))
                .body("hits[0].basis", equalTo("UN_SECURITY_COUNCIL"))
                .body("hits[0].imposedBy", equalTo("UN Security Council (1718 Committee)"))
                .body("hits[0].instrument", equalTo("S/RES/2397 (2017)"));

        // a shipment held after the change carries the new wording
        UUID later = Logistics.approve("KP", "agency-kp", Map.of(camera, 1));
        String laterShipment =
                (String) Logistics.awaitShipments(later, 1).get(0).get("id");
        shipment(laterShipment)
                .then()
                .body("status", equalTo("HELD"))
                .body("hits[0].basis", equalTo("UNILATERAL_MEASURE"))
                .body("hits[0].imposedBy", equalTo("European Union"))
                .body("hits[0].instrument", equalTo("Council Regulation (EU) 2017/1509"));
        assertThat(Logistics.awaitEvent(later, ShipmentHeld.class).hits())
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.basis()).isEqualTo("UNILATERAL_MEASURE");
                    assertThat(h.imposedBy()).isEqualTo("European Union");
                    assertThat(h.instrument()).isEqualTo("Council Regulation (EU) 2017/1509");
                });
    }

    private static int rulesEverMade() {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/export-rules?includeRetired=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    private static Response shipment(String id) {
        return given().auth().oauth2(Tokens.role("logistics")).when().get("/api/v1/shipments/" + id);
    }
}
