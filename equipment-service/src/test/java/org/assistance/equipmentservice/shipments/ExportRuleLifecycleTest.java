package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export rules hold what they hit whenever they change, dispatch checks them again, and they are never deleted. */
@QuarkusTest
class ExportRuleLifecycleTest {

    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }

    @Test
    void a_rule_added_after_a_shipment_was_planned_holds_it() {
        String warehouse = Logistics.unique("W");
        String kit = Logistics.unique("TRM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(kit, "TRAINING_MATERIAL", false, "40.00");
        Logistics.stock(warehouse, kit, 10);
        UUID toLaos = Logistics.approve("LA", "agency-la", Map.of(kit, 2));
        UUID elsewhere = Logistics.approve("NP", "agency-np", Map.of(kit, 2));
        String held = (String) Logistics.awaitShipments(toLaos, 1).get(0).get("id");
        String untouched =
                (String) Logistics.awaitShipments(elsewhere, 1).get(0).get("id");
        shipment(held).then().body("status", equalTo("PLANNED"));

        String rule = Logistics.rule("LA", "TRAINING_MATERIAL", "LICENCE_REQUIRED");
        try {
            shipment(held)
                    .then()
                    .body("status", equalTo("HELD"))
                    .body("hits[0].ruleId", equalTo(rule))
                    .body("hits[0].measure", equalTo("LICENCE_REQUIRED"));
            shipment(untouched).then().body("status", equalTo("PLANNED"));
            ShipmentHeld event = Logistics.awaitEvent(toLaos, ShipmentHeld.class);
            assertThat(event.shipmentId()).isEqualTo(UUID.fromString(held));
            assertThat(event.hits()).singleElement().satisfies(h -> {
                assertThat(h.ruleId()).isEqualTo(UUID.fromString(rule));
                assertThat(h.itemCode()).isEqualTo(kit);
            });
            assertThat(Logistics.shipmentEvents(toLaos, 2))
                    .extracting(e -> e.type().typeName())
                    .containsExactly("assistance.shipment.planned.v1", "assistance.shipment.held.v1");
        } finally {
            Logistics.retire(rule);
        }
    }

    @Test
    void a_rule_added_while_approvals_are_being_planned_holds_every_shipment_it_hits() throws Exception {
        String warehouse = Logistics.unique("W");
        String kit = Logistics.unique("TRM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(kit, "TRAINING_MATERIAL", false, "15.00");
        Logistics.stock(warehouse, kit, 100);
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add(UUID.randomUUID());
        }
        // program-service keeps approving while the rule is added: some are planned before it, some after
        Thread approving = new Thread(
                () -> requests.forEach(request -> Logistics.approve(request, "BT", "agency-bt", Map.of(kit, 1))));
        approving.start();
        Logistics.awaitShipments(requests.get(0), 1);
        String rule = Logistics.rule("BT", "TRAINING_MATERIAL", "LICENCE_REQUIRED");
        approving.join(60_000);
        try {
            for (UUID request : requests) {
                String shipment =
                        (String) Logistics.awaitShipments(request, 1).get(0).get("id");
                shipment(shipment).then().body("status", equalTo("HELD"));
            }
        } finally {
            Logistics.retire(rule);
        }
    }

    @Test
    void changing_a_rule_holds_the_planned_shipments_it_now_hits() {
        String warehouse = Logistics.unique("W");
        String lab = Logistics.unique("LAB");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(lab, "LABORATORY", false, "60.00");
        Logistics.stock(warehouse, lab, 5);
        String rule = Logistics.rule("KH", "VEHICLES", "PROHIBITED");
        try {
            UUID request = Logistics.approve("KH", "agency-kh", Map.of(lab, 1));
            String shipment =
                    (String) Logistics.awaitShipments(request, 1).get(0).get("id");
            shipment(shipment).then().body("status", equalTo("PLANNED"));

            given().auth()
                    .oauth2(Tokens.person("admin-kofi", "admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "destination",
                            "KH",
                            "target",
                            "LABORATORY",
                            "measure",
                            "PROHIBITED",
                            "reference",
                            "Council Decision 2027/7",
                            "reason",
                            "Precursor analysis kits",
                            "basis",
                            "OTHER"))
                    .when()
                    .put("/api/v1/export-rules/" + rule)
                    .then()
                    .statusCode(200)
                    .body("target", equalTo("LABORATORY"))
                    .body("changedBy", equalTo("admin-kofi"))
                    .body("revisions[0].target", equalTo("VEHICLES"));
            shipment(shipment)
                    .then()
                    .body("status", equalTo("HELD"))
                    .body("hits[0].reference", equalTo("Council Decision 2027/7"));
            assertThat(Logistics.awaitEvent(request, ShipmentHeld.class).shipmentId())
                    .isEqualTo(UUID.fromString(shipment));
        } finally {
            Logistics.retire(rule);
        }
    }

    @Test
    void dispatch_checks_the_rules_in_force_again_and_refuses_naming_the_rule() {
        String warehouse = Logistics.unique("W");
        String radio = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(radio, "COMMUNICATIONS", true, "300.00");
        Logistics.stock(warehouse, radio, 4);
        String licence = Logistics.rule("MZ", "DUAL_USE", "LICENCE_REQUIRED");
        String prohibition = null;
        try {
            UUID request = Logistics.approve("MZ", "agency-mz", Map.of(radio, 2));
            String shipment =
                    (String) Logistics.awaitShipments(request, 1).get(0).get("id");
            ExportControlScreeningTest.clear(
                            shipment,
                            Map.of(
                                    "licenceReference",
                                    "EXP-2027-9",
                                    "licenceDate",
                                    LocalDate.now().toString()))
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CLEARED"));
            // a measure adopted after the clearance: cleared shipments are not held again, but cannot leave
            prohibition = Logistics.rule("MZ", "COMMUNICATIONS", "PROHIBITED");

            // the dual-use radios leave with their serial numbers, but not while a rule stops them
            List<Map<String, Object>> units = Logistics.units(radio, 2);
            Logistics.dispatch(shipment, units)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://assistance.example/problems/screening-hit"))
                    .body("detail", containsString(prohibition))
                    .body("detail", containsString("Test measure COMMUNICATIONS"))
                    .body("detail", not(containsString(licence)));
            shipment(shipment).then().body("status", equalTo("CLEARED")).body("dispatchedAt", nullValue());
            given().auth()
                    .oauth2(Tokens.role("logistics"))
                    .when()
                    .get("/api/v1/stock")
                    .then()
                    .body("find { it.itemCode == '" + radio + "' }.onHand", equalTo(4))
                    .body("find { it.itemCode == '" + radio + "' }.reserved", equalTo(2));
            assertThat(Logistics.shipmentEvents(request, 3))
                    .extracting(e -> e.type().typeName())
                    .doesNotContain("assistance.shipment.dispatched.v1");

            Logistics.retire(prohibition);
            prohibition = null;
            Logistics.dispatch(shipment, units).then().statusCode(200).body("status", equalTo("DISPATCHED"));
        } finally {
            Logistics.retire(licence);
            if (prohibition != null) {
                Logistics.retire(prohibition);
            }
        }
    }

    @Test
    void a_retired_rule_keeps_its_history_and_holds_nothing_more() {
        String warehouse = Logistics.unique("W");
        String vehicle = Logistics.unique("VEH");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(vehicle, "VEHICLES", false, "20000.00");
        Logistics.stock(warehouse, vehicle, 3);
        String rule = given().auth()
                .oauth2(Tokens.person("admin-ana", "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "destination",
                        "TJ",
                        "target",
                        "VEHICLES",
                        "measure",
                        "PROHIBITED",
                        "reference",
                        "Arms embargo 2019/1",
                        "reason",
                        "Armoured vehicles",
                        "basis",
                        "OTHER"))
                .when()
                .post("/api/v1/export-rules")
                .then()
                .statusCode(201)
                .body("createdBy", equalTo("admin-ana"))
                .body("active", equalTo(true))
                .extract()
                .path("id");
        UUID heldBefore = Logistics.approve("TJ", "agency-tj", Map.of(vehicle, 1));
        String heldShipment =
                (String) Logistics.awaitShipments(heldBefore, 1).get(0).get("id");
        shipment(heldShipment).then().body("status", equalTo("HELD"));

        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "not mine"))
                .when()
                .post("/api/v1/export-rules/" + rule + "/retirement")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.person("admin-ben", "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Embargo lifted"))
                .when()
                .post("/api/v1/export-rules/" + rule + "/retirement")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("retiredBy", equalTo("admin-ben"))
                .body("retirementReason", equalTo("Embargo lifted"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .when()
                .post("/api/v1/export-rules/" + rule + "/retirement")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "destination",
                        "TJ",
                        "target",
                        "VEHICLES",
                        "measure",
                        "LICENCE_REQUIRED",
                        "reference",
                        "r",
                        "reason",
                        "r",
                        "basis",
                        "OTHER"))
                .when()
                .put("/api/v1/export-rules/" + rule)
                .then()
                .statusCode(409);

        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/export-rules")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(rule)));
        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/export-rules?includeRetired=true")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + rule + "' }.reference", equalTo("Arms embargo 2019/1"))
                .body("find { it.id == '" + rule + "' }.createdBy", equalTo("admin-ana"))
                .body("find { it.id == '" + rule + "' }.retiredBy", equalTo("admin-ben"))
                .body("find { it.id == '" + rule + "' }.retirementReason", equalTo("Embargo lifted"))
                .body("find { it.id == '" + rule + "' }.retiredAt", not(nullValue()));

        // nothing new is held by it, and what it held can be cleared without removing the line
        UUID after = Logistics.approve("TJ", "agency-tj", Map.of(vehicle, 1));
        shipment((String) Logistics.awaitShipments(after, 1).get(0).get("id"))
                .then()
                .body("status", equalTo("PLANNED"));
        ExportControlScreeningTest.clear(heldShipment, Map.of())
                .then()
                .statusCode(200)
                .body("status", equalTo("CLEARED"))
                .body("lines.size()", equalTo(1));

        // lifting with DELETE retires too, the reason optional
        String lifted = Logistics.rule("TJ", "OFFICE_IT", "LICENCE_REQUIRED");
        given().auth()
                .oauth2(Tokens.person("admin-cem", "admin"))
                .queryParam("reason", "Superseded")
                .when()
                .delete("/api/v1/export-rules/" + lifted)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .delete("/api/v1/export-rules/" + lifted)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .delete("/api/v1/export-rules/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        List<Map<String, Object>> all = given().auth()
                .oauth2(Tokens.role("admin"))
                .when()
                .get("/api/v1/export-rules?includeRetired=true")
                .then()
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(all)
                .filteredOn(r -> lifted.equals(r.get("id")))
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsEntry("active", false)
                        .containsEntry("retiredBy", "admin-cem")
                        .containsEntry("retirementReason", "Superseded"));
    }

    private static io.restassured.response.Response shipment(String id) {
        return given().auth().oauth2(Tokens.role("logistics")).when().get("/api/v1/shipments/" + id);
    }
}
