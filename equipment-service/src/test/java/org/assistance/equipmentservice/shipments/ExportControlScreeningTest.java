package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportControlScreeningTest {

    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }

    @Test
    void a_dual_use_line_to_a_licence_required_destination_is_held_then_cleared_with_a_licence() {
        String warehouse = Logistics.unique("W");
        String camera = Logistics.unique("SUR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(camera, "SURVEILLANCE", true, "900.00");
        Logistics.stock(warehouse, camera, 4);
        Logistics.rule("BO", "DUAL_USE", "LICENCE_REQUIRED");
        UUID request = Logistics.approve("BO", "agency-bo", Map.of(camera, 2));

        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments/" + shipment)
                .then()
                .body("status", equalTo("HELD"))
                .body("hits[0].measure", equalTo("LICENCE_REQUIRED"))
                .body("hits[0].itemCode", equalTo(camera));
        BrokerClient.await(
                Topics.SHIPMENTS,
                r -> request.toString().equals(r.key())
                        && "assistance.shipment.held.v1".equals(BrokerClient.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20));

        dispatch(shipment).then().statusCode(409).body("detail", containsString("HELD"));
        clear(shipment, Map.of()).then().statusCode(400).body("errors.field", hasItem("licenceReference"));

        // held for at least two whole seconds, so that a count of zero (or one) would be wrong
        OffsetDateTime heldAt = OffsetDateTime.parse(given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments/" + shipment)
                .then()
                .extract()
                .path("heldAt"));
        await().pollDelay(Duration.ZERO)
                .atMost(Duration.ofSeconds(5))
                .until(() -> OffsetDateTime.now().isAfter(heldAt.plusSeconds(2)));
        OffsetDateTime beforeClearing = OffsetDateTime.now();
        long heldSeconds = ((Number) clear(
                                shipment,
                                Map.of(
                                        "licenceReference",
                                        "EXP-AT-2027-00412",
                                        "licenceDate",
                                        LocalDate.now().toString()))
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("CLEARED"))
                        .body("licenceReference", equalTo("EXP-AT-2027-00412"))
                        .extract()
                        .path("heldSeconds"))
                .longValue();
        OffsetDateTime afterClearing = OffsetDateTime.now();
        // the clearance happened between the two readings of the clock (the service runs in this JVM),
        // so the whole seconds held lie between those measured from the hold to each reading
        assertThat(heldSeconds)
                .isGreaterThanOrEqualTo(2)
                .isBetween(
                        Duration.between(heldAt, beforeClearing).toSeconds(),
                        Duration.between(heldAt, afterClearing).toSeconds());
        ShipmentCleared cleared = Logistics.awaitEvent(request, ShipmentCleared.class);
        assertThat(cleared.heldSeconds())
                .isEqualTo(heldSeconds)
                .isEqualTo(Duration.between(heldAt, cleared.clearedAt()).toSeconds());

        OffsetDateTime beforeDispatch = OffsetDateTime.now();
        // a dual-use line: each unit leaves with its serial number
        List<Map<String, Object>> units = Logistics.units(camera, 2);
        Logistics.dispatch(shipment, units).then().statusCode(200).body("status", equalTo("DISPATCHED"));
        // the dispatch publishes when the mode's usual transit time (air: 30 days) runs out
        ShipmentDispatched dispatched = Logistics.awaitEvent(request, ShipmentDispatched.class);
        assertThat(dispatched.dispatchedAt()).isAfterOrEqualTo(beforeDispatch);
        assertThat(dispatched.dueBy())
                .isEqualTo(dispatched.dispatchedAt().plusDays(30).toInstant());
        assertThat(dispatched.units())
                .containsExactly(
                        new UnitSerial(camera, (String) units.get(0).get("serialNumber")),
                        new UnitSerial(camera, (String) units.get(1).get("serialNumber")));
    }

    @Test
    void a_prohibited_line_cannot_be_cleared_only_removed_and_its_removal_is_published_before_the_clearance() {
        String warehouse = Logistics.unique("W");
        String marking = Logistics.unique("FIR");
        String radio = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(marking, "FIREARMS_MARKING", false, "5000.00");
        Logistics.item(radio, "COMMUNICATIONS", false, "300.00");
        Logistics.stock(warehouse, marking, 1);
        Logistics.stock(warehouse, radio, 10);
        Logistics.rule("SY", "FIREARMS_MARKING", "PROHIBITED");
        UUID request = Logistics.approve("SY", "agency-sy", Map.of(marking, 1, radio, 3));

        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        clear(
                        shipment,
                        Map.of(
                                "licenceReference",
                                "ANY",
                                "licenceDate",
                                LocalDate.now().toString()))
                .then()
                .statusCode(409)
                .body("type", equalTo("https://assistance.example/problems/prohibited"))
                .body("detail", containsString(marking));
        clear(shipment, Map.of("removeItems", List.of(marking)))
                .then()
                .statusCode(200)
                .body("status", equalTo("CLEARED"))
                .body("lines.size()", equalTo(1));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .body("find { it.itemCode == '" + marking + "' }.reserved", equalTo(0));

        List<CloudEvent<AssistanceEvent>> events = Logistics.shipmentEvents(request, 4);
        assertThat(events)
                .extracting(e -> e.type().typeName())
                .containsExactly(
                        "assistance.shipment.planned.v1",
                        "assistance.shipment.held.v1",
                        "assistance.shipment.lines-removed.v1",
                        "assistance.shipment.cleared.v1");
        ShipmentLinesRemoved removed = (ShipmentLinesRemoved) events.get(2).data();
        assertThat(removed.lines()).extracting(ShipmentLine::itemCode).containsExactly(marking);
        assertThat(removed.lines().get(0).quantity()).isEqualTo(1);
        assertThat(removed.reason()).contains("PROHIBITED").contains("Test measure FIREARMS_MARKING");
    }

    @Test
    void removing_every_line_at_clearance_cancels_the_shipment_and_releases_its_stock() {
        String warehouse = Logistics.unique("W");
        String marking = Logistics.unique("FIR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(marking, "FIREARMS_MARKING", false, "5000.00");
        Logistics.stock(warehouse, marking, 2);
        Logistics.rule("SY", "FIREARMS_MARKING", "PROHIBITED");
        UUID request = Logistics.approve("SY", "agency-sy", Map.of(marking, 2));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("logistics"))
                        .when()
                        .get("/api/v1/shipments/" + shipment)
                        .then()
                        .body("status", equalTo("HELD")));

        clear(shipment, Map.of("removeItems", List.of(marking), "reason", "Cannot go to this destination"))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("Cannot go to this destination"));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .body("find { it.itemCode == '" + marking + "' }.reserved", equalTo(0));
        List<CloudEvent<AssistanceEvent>> events = Logistics.shipmentEvents(request, 3);
        assertThat(events)
                .extracting(e -> e.type().typeName())
                .containsExactly(
                        "assistance.shipment.planned.v1",
                        "assistance.shipment.held.v1",
                        "assistance.shipment.cancelled.v1");
        ShipmentCancelled cancelled = (ShipmentCancelled) events.get(2).data();
        assertThat(cancelled.reason()).isEqualTo("Cannot go to this destination");
        assertThat(cancelled.lines()).extracting(ShipmentLine::quantity).containsExactly(2);
        assertThat(cancelled.stockReleased()).isTrue();
    }

    @Test
    void rules_are_managed_by_admin_and_bad_ones_refused() {
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "destination",
                        "KE",
                        "target",
                        "VEHICLES",
                        "measure",
                        "PROHIBITED",
                        "reference",
                        "r",
                        "reason",
                        "r",
                        "basis",
                        "OTHER"))
                .when()
                .post("/api/v1/export-rules")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "destination",
                        "KE",
                        "target",
                        "SPACESHIPS",
                        "measure",
                        "PROHIBITED",
                        "reference",
                        "r",
                        "reason",
                        "r",
                        "basis",
                        "OTHER"))
                .when()
                .post("/api/v1/export-rules")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("target"));
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "destination",
                        "QQ",
                        "target",
                        "VEHICLES",
                        "measure",
                        "PROHIBITED",
                        "reference",
                        "r",
                        "reason",
                        "r",
                        "basis",
                        "OTHER"))
                .when()
                .post("/api/v1/export-rules")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("destination"));
    }

    static io.restassured.response.Response clear(String shipment, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/shipments/" + shipment + "/clearance");
    }

    /** A dispatch without serial numbers. */
    static io.restassured.response.Response dispatch(String shipment) {
        return Logistics.dispatch(shipment, List.of());
    }
}
