package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ShipmentEvents.BackorderCancelled;
import org.assistance.chassis.events.ShipmentEvents.BackorderFulfilled;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Approved equipment nobody had waits as a backorder until stock arrives, or until logistics cancels it. */
@QuarkusTest
class BackorderFulfilmentTest {

    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }

    @Test
    void stock_received_fulfils_backorders_most_urgent_request_first_then_oldest_as_new_shipments() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("FOR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "FORENSIC_IT", false, "400.00");
        UUID low = waitingFor(item, 2);
        UUID urgentOlder = waitingFor(item, 2);
        UUID unknownPriority = waitingFor(item, 2);
        UUID urgentNewer = UUID.randomUUID();
        // priorities arrive on another topic, before or after the approval: both count
        Logistics.submitted(urgentNewer, "agency-a", "URGENT");
        Logistics.approve(urgentNewer, "KE", "agency-a", Map.of(item, 2));
        Logistics.awaitBackorders(urgentNewer, 1);
        Logistics.submitted(low, "agency-a", "LOW");
        Logistics.submitted(urgentOlder, "agency-a", "URGENT");
        awaitPriority(low, "LOW");
        awaitPriority(urgentOlder, "URGENT");
        awaitPriority(urgentNewer, "URGENT");

        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("itemCode", item, "quantity", 5))
                .when()
                .post("/api/v1/warehouses/" + warehouse + "/stock")
                .then()
                .statusCode(200)
                .body("onHand", equalTo(5))
                .body("reserved", equalTo(5))
                .body("free", equalTo(0));

        assertFulfilled(urgentOlder, item, warehouse, 2, 0);
        assertFulfilled(urgentNewer, item, warehouse, 2, 0);
        assertFulfilled(unknownPriority, item, warehouse, 1, 1);
        assertThat(Logistics.backorders(low))
                .singleElement()
                .satisfies(b -> assertThat(b).containsEntry("status", "OPEN").containsEntry("remaining", 2));
        assertThat(Logistics.backorders(unknownPriority))
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsEntry("status", "OPEN")
                        .containsEntry("remaining", 1)
                        .containsEntry("quantity", 2));
        assertThat(Logistics.backorders(urgentOlder))
                .singleElement()
                .satisfies(
                        b -> assertThat(b).containsEntry("status", "FULFILLED").containsEntry("remaining", 0));

        Logistics.stock(warehouse, item, 10);
        assertThat(Logistics.shipmentEvents(low, 3))
                .extracting(e -> e.type().typeName())
                .containsExactly(
                        "assistance.shipment.line-backordered.v1",
                        "assistance.shipment.backorder-fulfilled.v1",
                        "assistance.shipment.planned.v1");
        assertThat(Logistics.backorders(unknownPriority))
                .singleElement()
                .satisfies(
                        b -> assertThat(b).containsEntry("status", "FULFILLED").containsEntry("remaining", 0));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .body("find { it.itemCode == '" + item + "' }.onHand", equalTo(15))
                .body("find { it.itemCode == '" + item + "' }.reserved", equalTo(8));
    }

    @Test
    void a_backorder_fulfilled_for_a_destination_under_an_export_rule_is_planned_then_held() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("SUR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "SURVEILLANCE", true, "900.00");
        String rule = Logistics.rule("MN", "DUAL_USE", "LICENCE_REQUIRED");
        try {
            UUID request = Logistics.approve("MN", "agency-mn", Map.of(item, 1));
            Logistics.awaitBackorders(request, 1);
            Logistics.stock(warehouse, item, 1);

            List<CloudEvent<AssistanceEvent>> events = Logistics.shipmentEvents(request, 4);
            assertThat(events)
                    .extracting(e -> e.type().typeName())
                    .containsExactly(
                            "assistance.shipment.line-backordered.v1", "assistance.shipment.backorder-fulfilled.v1",
                            "assistance.shipment.planned.v1", "assistance.shipment.held.v1");
            assertThat(Logistics.awaitShipments(request, 1).get(0)).containsEntry("status", "HELD");
        } finally {
            Logistics.retire(rule);
        }
    }

    @Test
    void a_backorder_can_be_cancelled_and_stock_received_later_no_longer_goes_to_it() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("LAB");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "LABORATORY", false, "120.00");
        UUID request = waitingFor(item, 3);
        long backorder = ((Number) Logistics.backorders(request).get(0).get("id")).longValue();
        // URLs name a backorder by its reference; its number (which events name) is not guessable into a URL
        String reference = (String) Logistics.backorders(request).get(0).get("reference");
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "by number"))
                .when()
                .post("/api/v1/backorders/" + backorder + "/cancellation")
                .then()
                .statusCode(anyOf(equalTo(400), equalTo(404)));

        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "mine"))
                .when()
                .post("/api/v1/backorders/" + reference + "/cancellation")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/v1/backorders/" + reference + "/cancellation")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(Tokens.person("logistics-lea", "logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Supplier cannot deliver this year"))
                .when()
                .post("/api/v1/backorders/" + reference + "/cancellation")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("remaining", equalTo(3))
                .body("cancelledBy", equalTo("logistics-lea"))
                .body("cancellationReason", equalTo("Supplier cannot deliver this year"));
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .when()
                .post("/api/v1/backorders/" + reference + "/cancellation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "none"))
                .when()
                .post("/api/v1/backorders/" + UUID.randomUUID() + "/cancellation")
                .then()
                .statusCode(404);

        BackorderCancelled cancelled = Logistics.awaitEvent(request, BackorderCancelled.class);
        assertThat(cancelled.backorderId()).isEqualTo(backorder);
        assertThat(cancelled.itemCode()).isEqualTo(item);
        assertThat(cancelled.quantity()).isEqualTo(3);
        assertThat(cancelled.reason()).isEqualTo("Supplier cannot deliver this year");

        Logistics.stock(warehouse, item, 3);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .body("find { it.itemCode == '" + item + "' }.free", equalTo(3));
        assertThat(Logistics.shipmentEvents(request, 2))
                .extracting(e -> e.type().typeName())
                .containsExactly(
                        "assistance.shipment.line-backordered.v1", "assistance.shipment.backorder-cancelled.v1");
    }

    @Test
    void stock_received_at_once_in_two_warehouses_never_fulfils_a_backorder_twice() throws Exception {
        String first = Logistics.unique("W");
        String second = Logistics.unique("W");
        String item = Logistics.unique("COM");
        Logistics.warehouse(first, "AT");
        Logistics.warehouse(second, "DK");
        Logistics.item(item, "COMMUNICATIONS", false, "90.00");
        UUID request = waitingFor(item, 6);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> receipts = new ArrayList<>();
        for (String warehouse : List.of(first, second)) {
            receipts.add(() -> given().auth()
                    .oauth2(Tokens.role("logistics"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("itemCode", item, "quantity", 5))
                    .when()
                    .post("/api/v1/warehouses/" + warehouse + "/stock")
                    .then()
                    .extract()
                    .statusCode());
        }
        try {
            for (Future<Integer> status : pool.invokeAll(receipts)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(Logistics.backorders(request))
                .singleElement()
                .satisfies(
                        b -> assertThat(b).containsEntry("status", "FULFILLED").containsEntry("remaining", 0));
        List<BackorderFulfilled> fulfilled = Logistics.shipmentEvents(request, 5).stream()
                .filter(e -> e.data() instanceof BackorderFulfilled)
                .map(e -> (BackorderFulfilled) e.data())
                .toList();
        assertThat(fulfilled).extracting(BackorderFulfilled::quantity).containsExactlyInAnyOrder(5, 1);
        List<Map<String, Object>> levels = given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.itemCode == '" + item + "' }");
        assertThat(levels).extracting(l -> (Integer) l.get("reserved")).containsExactlyInAnyOrder(5, 1);
    }

    /** A request approved for an item no warehouse has: its backorder waits (created one after the other). */
    private static UUID waitingFor(String item, int quantity) {
        UUID request = Logistics.approve("KE", "agency-a", Map.of(item, quantity));
        Logistics.awaitBackorders(request, 1);
        return request;
    }

    private static void awaitPriority(UUID request, String priority) {
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        priority.equals(Logistics.backorders(request).get(0).get("priority")));
    }

    private static void assertFulfilled(UUID request, String item, String warehouse, int quantity, int remaining) {
        List<CloudEvent<AssistanceEvent>> events = Logistics.shipmentEvents(request, 3);
        assertThat(events)
                .extracting(e -> e.type().typeName())
                .containsExactly(
                        "assistance.shipment.line-backordered.v1",
                        "assistance.shipment.backorder-fulfilled.v1",
                        "assistance.shipment.planned.v1");
        LineBackordered backordered = (LineBackordered) events.get(0).data();
        BackorderFulfilled fulfilled = (BackorderFulfilled) events.get(1).data();
        ShipmentPlanned planned = (ShipmentPlanned) events.get(2).data();
        assertThat(fulfilled.backorderId()).isEqualTo(backordered.backorderId());
        assertThat(fulfilled.itemCode()).isEqualTo(item);
        assertThat(fulfilled.quantity()).isEqualTo(quantity);
        assertThat(fulfilled.remaining()).isEqualTo(remaining);
        assertThat(planned.shipmentId()).isEqualTo(fulfilled.shipmentId());
        assertThat(planned.warehouse()).isEqualTo(warehouse);
        assertThat(planned.destinationCountry()).isEqualTo("KE");
        assertThat(planned.lines()).singleElement().satisfies(l -> {
            assertThat(l.itemCode()).isEqualTo(item);
            assertThat(l.quantity()).isEqualTo(quantity);
        });
    }
}
