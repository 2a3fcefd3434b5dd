package org.assistance.equipmentservice.shipments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.Topics;
import org.assistance.equipmentservice.Logistics;
import org.assistance.equipmentservice.stock.Stock;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** program-service's approvals on the real broker plan shipments, reserving stock. */
@QuarkusTest
class PlanningFromApprovalsTest {
    @Inject
    Stock stock;

    @Test
    void approved_equipment_becomes_a_planned_shipment_with_stock_reserved_and_its_event_published() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("FOR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "FORENSIC_IT", false, "800.00");
        Logistics.stock(warehouse, item, 10);
        UUID request = Logistics.approve("KE", "agency-a", Map.of(item, 2));

        List<Map<String, Object>> shipments = Logistics.awaitShipments(request, 1);
        assertThat(shipments).hasSize(1);
        assertThat(shipments.get(0)).containsEntry("status", "PLANNED").containsEntry("warehouse", warehouse);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .body("find { it.itemCode == '" + item + "' }.reserved", equalTo(2))
                .body("find { it.itemCode == '" + item + "' }.free", equalTo(8));

        List<ConsumerRecord<String, byte[]>> events = BrokerClient.await(
                Topics.SHIPMENTS, r -> request.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(BrokerClient.header(events.get(0), "ce_type")).isEqualTo("assistance.shipment.planned.v1");
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8)).contains("\"amount\":1600.00");

        given().auth()
                .oauth2(Tokens.partner("agency-b"))
                .when()
                .get("/api/v1/shipments?requestId=" + request)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(Tokens.partner("agency-a"))
                .when()
                .get("/api/v1/shipments?requestId=" + request)
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void an_approval_is_split_by_warehouse_and_what_is_out_of_stock_waits_as_a_backorder() {
        String first = Logistics.unique("W");
        String second = Logistics.unique("W");
        String item = Logistics.unique("COM");
        Logistics.warehouse(first, "AT");
        Logistics.warehouse(second, "DK");
        Logistics.item(item, "COMMUNICATIONS", false, "100.00");
        Logistics.stock(first, item, 3);
        Logistics.stock(second, item, 2);
        UUID request = Logistics.approve("CO", "agency-a", Map.of(item, 7));

        List<Map<String, Object>> shipments = Logistics.awaitShipments(request, 2);
        assertThat(shipments).extracting(s -> s.get("warehouse")).containsExactlyInAnyOrder(first, second);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/backorders?requestId=" + request)
                .then()
                .body("$", hasSize(1))
                .body("[0].quantity", equalTo(2));
    }

    @Test
    void an_approval_naming_an_item_not_in_the_catalogue_plans_the_valid_lines_and_refuses_the_unknown_one() {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("FOR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "FORENSIC_IT", false, "800.00");
        Logistics.stock(warehouse, item, 10);
        String unknown = Logistics.unique("NOT-IN-CATALOGUE");
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put(unknown, 4);
        lines.put(item, 2);
        UUID request = Logistics.approve("KE", "agency-a", lines);

        assertThat(Logistics.awaitShipments(request, 1))
                .singleElement()
                .satisfies(s -> assertThat(s).containsEntry("status", "PLANNED"));
        LineRefused refused = Logistics.awaitEvent(request, LineRefused.class);
        assertThat(refused.itemCode()).isEqualTo(unknown);
        assertThat(refused.quantity()).isEqualTo(4);
        assertThat(refused.reason()).contains("not in the catalogue");
        assertThat(Logistics.shipmentEvents(request, 2))
                .extracting(e -> e.type().typeName())
                .containsExactlyInAnyOrder("assistance.shipment.line-refused.v1", "assistance.shipment.planned.v1");
        // the approval was handled, not dead-lettered
        assertThat(BrokerClient.readAll(Topics.deadLetters(Topics.REVIEWS)))
                .noneMatch(r -> request.toString().equals(r.key()));
    }

    @Test
    void an_approval_naming_a_withdrawn_item_refuses_that_line_and_back_orders_the_rest() {
        String withdrawn = Logistics.unique("SUR");
        String scarce = Logistics.unique("VEH");
        Logistics.item(withdrawn, "SURVEILLANCE", true, "900.00");
        Logistics.item(scarce, "VEHICLES", false, "25000.00");
        given().auth()
                .oauth2(Tokens.role("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Model recalled"))
                .when()
                .post("/api/v1/catalogue/" + withdrawn + "/withdrawal")
                .then()
                .statusCode(200);
        UUID request = UUID.randomUUID();
        Logistics.submitted(request, "agency-a", "URGENT");
        await().atMost(Duration.ofSeconds(30)).until(() -> priorityKnown(request));
        Logistics.approve(request, "KE", "agency-a", Map.of(withdrawn, 1, scarce, 2));

        LineRefused refused = Logistics.awaitEvent(request, LineRefused.class);
        assertThat(refused.itemCode()).isEqualTo(withdrawn);
        assertThat(refused.reason()).contains("withdrawn").contains("Model recalled");
        LineBackordered backordered = Logistics.awaitEvent(request, LineBackordered.class);
        assertThat(backordered.itemCode()).isEqualTo(scarce);
        assertThat(backordered.itemName()).isEqualTo("Item " + scarce);
        assertThat(backordered.quantity()).isEqualTo(2);
        assertThat(backordered.priority()).isEqualTo("URGENT");
        assertThat(Logistics.backorders(request)).singleElement().satisfies(b -> {
            assertThat(((Number) b.get("id")).longValue()).isEqualTo(backordered.backorderId());
            assertThat(b)
                    .containsEntry("status", "OPEN")
                    .containsEntry("remaining", 2)
                    .containsEntry("priority", "URGENT")
                    .containsEntry("destinationCountry", "KE");
        });
        assertThat(BrokerClient.readAll(Topics.deadLetters(Topics.REVIEWS)))
                .noneMatch(r -> request.toString().equals(r.key()));
    }

    private boolean priorityKnown(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> RequestPriority.findById(request) != null);
    }

    @Test
    void concurrent_reservations_never_drive_stock_negative() throws Exception {
        String warehouse = Logistics.unique("W");
        String item = Logistics.unique("LAB");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(item, "LABORATORY", false, "10.00");
        Logistics.stock(warehouse, item, 5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> reservations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reservations.add(() -> QuarkusTransaction.requiringNew()
                    .call(() -> stock.reserve(item, 1).stream()
                            .mapToInt(Stock.Allocation::quantity)
                            .sum()));
        }
        int reserved = 0;
        try {
            for (Future<Integer> f : pool.invokeAll(reservations)) {
                reserved += f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reserved).isEqualTo(5);
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .when()
                .get("/api/v1/stock")
                .then()
                .body("find { it.itemCode == '" + item + "' }.reserved", equalTo(5))
                .body("find { it.itemCode == '" + item + "' }.free", equalTo(0));
    }
}
