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
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShipmentJourneyTest {

    @Test
    void dispatch_milestones_delivery_and_a_partial_receipt_publish_their_events_in_order() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("FOR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "FORENSIC_IT", false, "1000.00");
        Logistics.stock(warehouse, item, 6);
        UUID request = Logistics.approve("KE", "agency-ke", Map.of(item, 4));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");

        post(shipment, "delivery", Map.of("deliveredAt", OffsetDateTime.now().toString()))
                .then()
                .statusCode(409)
                .body("detail", containsString("PLANNED"));
        post(
                        shipment,
                        "dispatch",
                        Map.of(
                                "mode",
                                "AIR",
                                "carrier",
                                "Kenya Airways Cargo",
                                "trackingReference",
                                "KQ-1",
                                "expectedDelivery",
                                LocalDate.now().plusDays(5).toString()))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .body("find { it.itemCode == '" + item + "' }.onHand", equalTo(2))
                .body("find { it.itemCode == '" + item + "' }.reserved", equalTo(0));
        for (String milestone : List.of("CUSTOMS_ENTRY", "CUSTOMS_HOLD", "CUSTOMS_RELEASE")) {
            post(
                            shipment,
                            "milestones",
                            Map.of(
                                    "milestone",
                                    milestone,
                                    "location",
                                    "JKIA Nairobi",
                                    "occurredAt",
                                    OffsetDateTime.now().minusMinutes(5).toString()))
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("IN_TRANSIT"));
        }
        post(shipment, "dispatch", Map.of("mode", "AIR", "carrier", "c", "trackingReference", "t"))
                .then()
                .statusCode(409);
        post(shipment, "cancellation", Map.of("reason", "too late")).then().statusCode(409);
        post(shipment, "delivery", Map.of("deliveredAt", OffsetDateTime.now().toString()))
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"));

        ReceiptConfirmed receipt = new ReceiptConfirmed(
                request,
                "agency-ke",
                UUID.fromString(shipment),
                List.of(new ReceiptLine(item, 3, 1, "Damaged in transit")),
                "Insp. Wanjiru",
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(receipt, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("logistics"))
                        .when()
                        .get("/api/v1/shipments/" + shipment)
                        .then()
                        .body("status", equalTo("RECEIVED"))
                        .body("receiptLines[0].quantityRejected", equalTo(1))
                        .body("receiptLines[0].rejectionReason", equalTo("Damaged in transit")));

        List<String> types =
                BrokerClient.await(Topics.SHIPMENTS, r -> request.toString().equals(r.key()), 7, Duration.ofSeconds(20))
                        .stream()
                        .map(r -> BrokerClient.header(r, "ce_type"))
                        .toList();
        assertThat(types)
                .containsExactly(
                        "assistance.shipment.planned.v1",
                        "assistance.shipment.dispatched.v1",
                        "assistance.shipment.milestone.v1",
                        "assistance.shipment.milestone.v1",
                        "assistance.shipment.milestone.v1",
                        "assistance.shipment.delivered.v1",
                        "assistance.shipment.received.v1");
    }

    @Test
    void a_cancelled_shipment_publishes_ShipmentCancelled_and_releases_its_stock() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("OFF");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "OFFICE_IT", false, "50.00");
        Logistics.stock(warehouse, item, 3);
        UUID request = Logistics.approve("PE", "agency-pe", Map.of(item, 3));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");
        given().auth()
                .oauth2(Tokens.person("logistics-omar", "logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Request re-scoped"))
                .when()
                .post("/api/v1/shipments/" + shipment + "/cancellation")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledBy", equalTo("logistics-omar"));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .body("find { it.itemCode == '" + item + "' }.free", equalTo(3))
                .body("find { it.itemCode == '" + item + "' }.reserved", equalTo(0));

        ShipmentCancelled cancelled = Logistics.awaitEvent(request, ShipmentCancelled.class);
        assertThat(cancelled.shipmentId()).isEqualTo(UUID.fromString(shipment));
        assertThat(cancelled.reason()).isEqualTo("Request re-scoped");
        assertThat(cancelled.stockReleased()).isTrue();
        assertThat(cancelled.cancelledBy()).isEqualTo("logistics-omar");
        assertThat(cancelled.lines()).singleElement().satisfies(l -> {
            assertThat(l.itemCode()).isEqualTo(item);
            assertThat(l.quantity()).isEqualTo(3);
        });
        assertThat(Logistics.shipmentEvents(request, 2))
                .extracting(e -> e.type().typeName())
                .containsExactly("assistance.shipment.planned.v1", "assistance.shipment.cancelled.v1");
        post(shipment, "cancellation", Map.of("reason", "twice")).then().statusCode(409);
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_partners_cannot_move_shipments() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("VEH");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "VEHICLES", false, "25000.00");
        Logistics.stock(warehouse, item, 1);
        UUID request = Logistics.approve("GH", "agency-gh", Map.of(item, 1));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");

        post(shipment, "dispatch", Map.of("mode", "TELEPORT", "carrier", "c", "trackingReference", "t"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("mode"));
        post(
                        shipment,
                        "dispatch",
                        Map.of(
                                "mode",
                                "SEA",
                                "carrier",
                                "c",
                                "trackingReference",
                                "t",
                                "expectedDelivery",
                                LocalDate.now().minusDays(1).toString()))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("expectedDelivery"));
        given().auth()
                .oauth2(Tokens.partner("agency-gh"))
                .contentType(ContentType.JSON)
                .body(Map.of("mode", "SEA", "carrier", "c", "trackingReference", "t"))
                .when()
                .post("/api/v1/shipments/" + shipment + "/dispatch")
                .then()
                .statusCode(403);
        post(
                        UUID.randomUUID().toString(),
                        "delivery",
                        Map.of("deliveredAt", OffsetDateTime.now().toString()))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/shipments/" + shipment)
                .then()
                .body("status", equalTo("PLANNED"));
    }

    static io.restassured.response.Response post(String shipment, String action, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/shipments/" + shipment + "/" + action);
    }
}
